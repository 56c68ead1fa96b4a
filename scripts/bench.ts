// `npm run bench`: Hookbell's speed goals, measured (never asserted in the test suite).
//
// Default, the ingest bench (about 3 minutes on two cores): Hookbell against a bare node:http + svix +
// SQLite receiver and an Express + svix one under the same signed Clerk requests, a fixed-rate run,
// alert latency (request in → Slack stand-in has the POST), and the load shape (10/50/200 connections,
// 1 KiB vs 64 KiB). With DATABASE_URL=postgresql://… Hookbell is measured on PostgreSQL too.
// Options: --duration S (measured seconds per phase, 10), --no-shape, --samples N (alert latency, 200),
// --profile DIR (a V8 CPU profile of each thread of the measured Hookbell server, one folder per database).
//
// `npm run bench -- --dashboard`: the overview and the log under 100,000 events and 200,000 deliveries,
// each page's p95 server time against a 300 ms budget. Options: --events N --deliveries N.
//
// `npm run bench -- --isolation`: tenant A's ingest p99 and dashboard page alone, and while tenant B renders
// heavy templates (preview API at its rate limit, and its alerts); goal within 1.5x of alone. --duration S (10).
//
// `npm run bench -- --conditions`: µs per evaluation of a five-rule channel condition on a ~240 KB event.
import { runConditionBench } from "./bench/condition-bench";
import { runDashboardBench } from "./bench/dashboard-bench";
import { runIngestBench } from "./bench/ingest-bench";
import { formatIngestReport } from "./bench/ingest-report";
import { formatIsolationReport, runIsolationBench } from "./bench/isolation-bench";
import { cleanUpAll, installCleanupHandlers } from "./bench/processes";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

function textOption(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const log = (line: string) => console.log(`[bench] ${line}`);

async function dashboard() {
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

async function isolation() {
  const result = await runIsolationBench({ measureS: option("duration", 10), log });
  const { text, allMet } = formatIsolationReport(result);
  console.log(`\nTenant isolation\n${text}`);
  return allMet;
}

async function ingest() {
  const started = performance.now();
  const options = {
    measureS: option("duration", 10),
    warmUpS: 2,
    connections: 50,
    openLoopRate: 1000,
    e2eSamples: option("samples", 200),
    shape: !process.argv.includes("--no-shape"),
    profileDir: textOption("profile"),
    log,
  };
  const result = await runIngestBench(options);
  const { text, allMet } = formatIngestReport(result, options, (performance.now() - started) / 1000);
  console.log(`\n${text}`);
  log("Tenant isolation…");
  const isIsolated = await isolation();
  process.exitCode = allMet && isIsolated ? 0 : 1;
}

async function main() {
  installCleanupHandlers(log);
  try {
    if (process.argv.includes("--dashboard")) await dashboard();
    else if (process.argv.includes("--conditions")) console.log(`\n${runConditionBench(log)}`);
    else if (process.argv.includes("--isolation")) process.exitCode = (await isolation()) ? 0 : 1;
    else await ingest();
  } finally {
    await cleanUpAll();
  }
}

main().catch(async (error) => {
  console.error("[bench] failed:", error);
  await cleanUpAll();
  process.exit(2);
});
