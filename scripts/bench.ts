// `npm run bench`: Hookbell's speed goals, measured (never asserted in the test suite).
// Dashboard: the overview and the log under 100,000 events and 200,000 deliveries, each page's p95
// server time against a 300 ms budget. Options: --events N --deliveries N.
import { runDashboardBench } from "./bench/dashboard-bench";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

async function main() {
  const log = (line: string) => console.log(`[bench] ${line}`);
  const events = option("events", 100_000);
  const deliveries = option("deliveries", 200_000);
  log(`Dashboard: seeding ${events} events and ${deliveries} deliveries…`);
  const { timings } = await runDashboardBench({ events, deliveries, log });
  console.log("\npage                                         p50 ms  p95 ms  max ms  budget");
  for (const t of timings) {
    console.log(
      `${t.page.padEnd(44)} ${String(t.p50).padStart(6)}  ${String(t.p95).padStart(6)}  ${String(t.max).padStart(6)}  ${t.ok ? "ok" : `OVER ${t.budgetMs}`}`,
    );
  }
  const over = timings.filter((t) => !t.ok);
  console.log(over.length === 0 ? "\nEvery page is within its budget." : `\n${over.length} page(s) over budget.`);
  process.exitCode = over.length === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error("[bench] failed:", error);
  process.exit(1);
});
