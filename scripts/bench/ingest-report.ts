import { cpus, totalmem } from "node:os";
import { E2E_SHAPE, type IngestBenchOptions, type IngestBenchResult, kib, type Measured } from "./ingest-bench";

// The ingest bench's printout: one throughput table with ratios to the bare baseline, the open-loop row,
// alert latency, the load shape, and each goal with its measured value.

export const GOALS = { throughputRatio: 0.8, openLoopP99Ms: 30, e2eP50Ms: 100, e2eP99Ms: 500, rssMb: 400 };

type Column = { title: string; width: number; left?: boolean };

function table(columns: Column[], rows: (string | number)[][]): string[] {
  const cell = (value: string | number, column: Column) => {
    const text = typeof value === "number" ? value.toLocaleString("en") : value;
    return column.left ? text.padEnd(column.width) : text.padStart(column.width);
  };
  return [
    columns.map((c) => cell(c.title, c)).join("  "),
    ...rows.map((r) => r.map((v, i) => cell(v, columns[i])).join("  ")),
  ];
}

export function describeMachine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}

export function formatIngestReport(
  result: IngestBenchResult,
  options: IngestBenchOptions,
  wallSeconds: number,
): { text: string; allMet: boolean } {
  const lines: string[] = [];
  const bare = result.throughput[0];
  const ratio = (row: Measured) => {
    const base = result.throughput.find((candidate) => candidate.target === row.versus) ?? bare;
    return base?.load.reqPerSec ? row.load.reqPerSec / base.load.reqPerSec : 0;
  };

  lines.push(`Machine: ${describeMachine()}`);
  lines.push("");
  lines.push(
    `Ingest throughput: ${options.connections} connections, ${options.measureS} s after a ${options.warmUpS} s warm-up, ` +
      `Clerk's example payloads (every event type in turn, mean ${kib(result.meanBodyBytes)}), each request a new svix-id.`,
  );
  lines.push(
    "Hookbell runs with the embedded worker off (HOOKBELL_EMBEDDED_WORKER=off): only ingest is measured " +
      "(verify, store the event and its email and Slack outbox rows).",
  );
  const throughputColumns: Column[] = [
    { title: "target", width: 38, left: true },
    { title: "req/s", width: 7 },
    { title: "p50 ms", width: 6 },
    { title: "p99 ms", width: 6 },
    { title: "errors", width: 6 },
    { title: "peak RSS", width: 8 },
    { title: "vs bare", width: 7 },
  ];
  lines.push(
    ...table(
      throughputColumns,
      result.throughput.map((row) => [
        row.target,
        row.load.reqPerSec,
        row.load.p50,
        row.load.p99,
        row.load.errors,
        `${row.rssMb} MB`,
        `${Math.round(ratio(row) * 100)}%`,
      ]),
    ),
  );

  lines.push("");
  lines.push(
    `Fixed rate: Hookbell at ${options.openLoopRate.toLocaleString("en")} req/s for ${options.measureS} s. even: open loop, ` +
      "one request every millisecond, latency counted from when each was due. bursts: autocannon overallRate " +
      "(100 connections, each sends its 10 requests back to back at the start of every second).",
  );
  lines.push(
    ...table(
      [
        throughputColumns[0],
        { title: "arrivals", width: 8, left: true },
        { title: "answered/s", width: 10 },
        ...throughputColumns.slice(2, 6),
      ],
      result.openLoop.map((row) => [
        row.target,
        row.arrivals,
        row.load.reqPerSec,
        row.load.p50,
        row.load.p99,
        row.load.errors,
        `${row.rssMb} MB`,
      ]),
    ),
  );

  lines.push("");
  lines.push(
    `Alert latency, idle queue (embedded worker on): signed request sent → Slack stand-in has the POST. ` +
      `${options.e2eSamples} samples over ${E2E_SHAPE.webhooks} webhooks, one request every ${E2E_SHAPE.spacingMs} ms.`,
  );
  lines.push(
    ...table(
      [
        throughputColumns[0],
        { title: "samples", width: 7 },
        { title: "p50 ms", width: 6 },
        { title: "p99 ms", width: 6 },
        { title: "max ms", width: 6 },
        { title: "lost", width: 4 },
        { title: "peak RSS", width: 8 },
      ],
      result.latency.map(({ target, result: r, rssMb }) => [
        target,
        r.samples,
        r.p50,
        r.p99,
        r.max,
        r.lost + r.failed,
        `${rssMb} MB`,
      ]),
    ),
  );

  if (result.shape.length > 0) {
    lines.push("");
    lines.push(`Load shape: ${result.shape[0].target}, closed loop, ${options.measureS} s each.`);
    lines.push(
      ...table(
        [
          { title: "connections", width: 11 },
          { title: "body", width: 8 },
          ...throughputColumns.slice(1, 6),
          { title: "MB/s in", width: 7 },
        ],
        result.shape.map((row) => [
          row.connections,
          kib(row.bodyBytes),
          row.load.reqPerSec,
          row.load.p50,
          row.load.p99,
          row.load.errors,
          `${row.rssMb} MB`,
          ((row.load.reqPerSec * row.bodyBytes) / 2 ** 20).toFixed(1),
        ]),
      ),
    );
  }

  const goals: { met: boolean | "info"; text: string }[] = [];
  for (const row of result.throughput.filter((candidate) => !candidate.isBaseline)) {
    const percent = `${Math.round(ratio(row) * 100)}%`;
    // The throughput goal is the embedded default's (SQLite, one machine); PostgreSQL's ratio is shown beside it.
    goals.push(
      row.target.includes("PostgreSQL")
        ? {
            met: "info",
            text: `${row.target}: ${percent} of bare req/s (the ${GOALS.throughputRatio * 100}% goal is SQLite's)`,
          }
        : {
            met: ratio(row) >= GOALS.throughputRatio,
            text: `${row.target} ≥ ${GOALS.throughputRatio * 100}% of ${row.versus ?? "bare"} req/s: ${percent}`,
          },
    );
  }
  for (const row of result.openLoop.filter((r) => r.arrivals === "even")) {
    const sustained = row.load.reqPerSec >= options.openLoopRate * 0.97 && row.load.errors === 0;
    goals.push({
      met: sustained && row.load.p99 <= GOALS.openLoopP99Ms,
      text:
        `${row.target} p99 ≤ ${GOALS.openLoopP99Ms} ms at ${options.openLoopRate.toLocaleString("en")} req/s: ${row.load.p99} ms` +
        (sustained ? "" : ` (only ${row.load.reqPerSec} answered/s, ${row.load.errors} errors)`),
    });
  }
  for (const { target, result: r } of result.latency) {
    const complete = r.lost + r.failed === 0;
    goals.push({
      met: complete && r.p50 <= GOALS.e2eP50Ms && r.p99 <= GOALS.e2eP99Ms,
      text:
        `${target} alert p50 ≤ ${GOALS.e2eP50Ms} ms, p99 ≤ ${GOALS.e2eP99Ms} ms: ${r.p50} / ${r.p99} ms` +
        (complete ? "" : ` (${r.lost + r.failed} alerts missing)`),
    });
  }
  const rss = [
    ...result.hookbellPeakRssMb,
    ...result.latency.map(({ target, rssMb }) => ({ target: `${target}, worker on`, mb: rssMb })),
  ];
  for (const { target, mb } of rss) {
    goals.push({ met: mb < GOALS.rssMb, text: `${target} RSS < ${GOALS.rssMb} MB throughout: peak ${mb} MB` });
  }

  lines.push("");
  lines.push("Goals");
  for (const goal of goals)
    lines.push(`  ${goal.met === "info" ? "info  " : goal.met ? "met   " : "MISSED"}  ${goal.text}`);
  lines.push("");
  for (const note of result.notes) lines.push(`Note: ${note}`);
  lines.push("Absolute numbers are noisy (load generator and servers share the machine); compare ratios from one run.");
  lines.push(`Wall time: ${Math.round(wallSeconds)} s.`);
  return { text: lines.join("\n"), allMet: goals.every((goal) => goal.met !== false) };
}
