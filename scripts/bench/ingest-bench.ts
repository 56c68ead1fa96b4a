import path from "node:path";
import { SlackStandIn } from "../../tests/helpers/slack-stand-in";
import { type Baseline, startBareBaseline, startExpressBaseline } from "./baselines";
import { E2E_SPACING_MS, E2E_WEBHOOKS, type LatencyResult, measureAlertLatency } from "./e2e-latency";
import { BENCH_CHANNELS, countStored, startHookbell } from "./hookbell-target";
import { type LoadOptions, type LoadResult, runLoad, runPaced } from "./load-generator";
import { createBenchDatabase, postgresUrlFromEnv } from "./postgres-database";
import { onCleanup, removeFolder } from "./processes";
import { type BenchSender, largeClerkPayload, RequestPool, senderPool } from "./request-pool";
import { type RssSampler, sampleRss } from "./rss-sampler";

// The ingest benchmark: Hookbell against two reference receivers under the same signed Clerk requests,
// then Hookbell alone at a fixed rate, its alert latency, and how its cost grows with connections and size.
// On the embedded default, a Stripe and a GitHub webhook (each signed by its sender's own library) are
// measured the same way as the Clerk one.

export type IngestBenchOptions = {
  measureS: number;
  warmUpS: number;
  connections: number;
  openLoopRate: number;
  e2eSamples: number;
  shape: boolean;
  /** A CPU profile of each thread of the Hookbell server the throughput phases run against, written here. */
  profileDir?: string;
  log: (line: string) => void;
};

export type Measured = {
  target: string;
  load: LoadResult;
  rssMb: number;
  /** A reference receiver, not Hookbell: no goal is judged on it. */
  isBaseline?: boolean;
  /** The target whose req/s this row's "vs bare" divides by; unset: the first row (bare, Clerk's payloads). */
  versus?: string;
};
export type ShapeRow = Measured & { connections: number; bodyBytes: number };
/** even: one request every 1/rate s (the goal's measure); bursts: autocannon's overallRate. */
export type OpenLoopRow = Measured & { arrivals: "even" | "bursts" };
export type IngestBenchResult = {
  meanBodyBytes: number;
  throughput: Measured[];
  openLoop: OpenLoopRow[];
  latency: { target: string; result: LatencyResult; rssMb: number }[];
  shape: ShapeRow[];
  /** Highest RSS of each Hookbell server over its whole life (start-up included). */
  hookbellPeakRssMb: { target: string; mb: number }[];
  notes: string[];
};

const OPEN_LOOP_CONNECTIONS = 100;
/** Senders measured beside Clerk on the embedded default: the Stripe and GitHub senders' webhooks. */
const OTHER_SENDERS: { sender: BenchSender; name: string }[] = [
  { sender: "stripe", name: "Stripe" },
  { sender: "github", name: "GitHub" },
];

export async function runIngestBench(options: IngestBenchOptions): Promise<IngestBenchResult> {
  const { log } = options;
  const notes: string[] = [];
  const result: IngestBenchResult = {
    meanBodyBytes: 0,
    throughput: [],
    openLoop: [],
    latency: [],
    shape: [],
    hookbellPeakRssMb: [],
    notes,
  };
  const pool = await senderPool("clerk");
  result.meanBodyBytes = pool.meanBodyBytes;
  pool.startTarget();

  // Requests are signed between phases, enough for the fastest rate seen so far (and half as much again).
  let fastest = 5000;
  const reserve = (pool: RequestPool, rate: number, seconds: number) => pool.reserve(Math.ceil(rate * seconds * 1.5));

  /** Warm-up, then the measured window, with the RSS peak of that window; `tally` counts every 2xx. */
  const measure = async (
    target: string,
    rss: RssSampler,
    load: Omit<LoadOptions, "durationS">,
    tally = { ok: 0 },
    guessedRate = fastest,
  ) => {
    await settle(load);
    reserve(load.pool, guessedRate, options.warmUpS);
    const warm = await runLoad({ ...load, durationS: options.warmUpS });
    tally.ok += warm.ok;
    // At least the guessed rate (the fastest so far): a warm-up still compiling underestimates the steady rate.
    reserve(load.pool, Math.max(warm.reqPerSec, guessedRate), options.measureS);
    rss.markPhase();
    const measured = await runLoad({ ...load, durationS: options.measureS });
    fastest = Math.max(fastest, measured.reqPerSec);
    tally.ok += measured.ok;
    if (measured.signedLive > 0) notes.push(`${target}: ${measured.signedLive} requests were signed during the run.`);
    log(`${target}: ${measured.reqPerSec} req/s, p99 ${measured.p99} ms, ${measured.errors} errors.`);
    return { target, load: measured, rssMb: rss.phasePeakMb() } satisfies Measured;
  };

  const baseline = async (target: string, start: () => Promise<Baseline>, basePool = pool, versus?: string) => {
    log(`${target}: starting…`);
    const { server, path } = await start();
    const rss = sampleRss(server.pid);
    try {
      basePool.startTarget();
      const common = { url: server.url, path, pool: basePool, connections: options.connections };
      result.throughput.push({ ...(await measure(target, rss, common)), isBaseline: true, versus });
    } finally {
      rss.stop();
      await server.stop();
    }
  };
  await baseline("bare node:http + svix + SQLite insert", startBareBaseline);
  await baseline("Express 5 + svix (verify only)", startExpressBaseline);
  // Each other sender's Hookbell row is judged against the bare receiver doing that sender's work: its own
  // library's verify, its payloads (GitHub's are ten times Clerk's), one insert.
  const otherPools = new Map<BenchSender, RequestPool>();
  const bareOf = (name: string) => `bare + ${name} verify + SQLite insert`;
  for (const other of OTHER_SENDERS) {
    const otherPool = await senderPool(other.sender);
    otherPools.set(other.sender, otherPool);
    const target = bareOf(other.name);
    await baseline(target, () => startBareBaseline(other.sender), otherPool, target);
  }

  const postgresUrl = postgresUrlFromEnv();
  const databases: { label: string; fresh: () => Promise<string | undefined> }[] = [
    { label: "SQLite", fresh: async () => undefined },
  ];
  if (postgresUrl) {
    databases.push({ label: "PostgreSQL", fresh: async () => (await createBenchDatabase(postgresUrl)).url });
  } else {
    notes.push("PostgreSQL skipped: set DATABASE_URL=postgresql://… to add Hookbell rows on PostgreSQL.");
  }

  for (const database of databases) {
    const target = `Hookbell (${database.label})`;
    const isFirst = database === databases[0];
    log(`${target}: setting up a webhook and starting Hookbell (embedded worker off)…`);
    const hookbell = await startHookbell({
      label: database.label.toLowerCase(),
      databaseUrl: await database.fresh(),
      webhooks: 1,
      otherSenders: isFirst ? OTHER_SENDERS.map((other) => other.sender) : [],
      worker: false,
      profileDir: options.profileDir && path.join(options.profileDir, database.label.toLowerCase()),
    });
    log(`${target}: ready in ${hookbell.startSeconds} s${hookbell.hasBuilt ? " (built the dashboard first)" : ""}.`);
    const rss = sampleRss(hookbell.server.pid);
    const tally = { ok: 0 };
    try {
      pool.startTarget();
      const path = `/api/ingest/${hookbell.webhooks[0].id}`;
      type Common = { url: string; path: string; pool: RequestPool };
      const common = { url: hookbell.server.url, path, pool };
      const main = await measure(target, rss, { ...common, connections: options.connections }, tally);
      result.throughput.push(main);

      const fixedRate = async (arrivals: OpenLoopRow["arrivals"], target: string, common: Common) => {
        reserve(common.pool, options.openLoopRate, options.measureS);
        await settle(common);
        rss.markPhase();
        const load =
          arrivals === "even"
            ? await runPaced({ ...common, rate: options.openLoopRate, durationS: options.measureS })
            : await runLoad({
                ...common,
                connections: OPEN_LOOP_CONNECTIONS,
                durationS: options.measureS,
                overallRate: options.openLoopRate,
              });
        log(`${target} at ${options.openLoopRate} req/s (${arrivals}): p50 ${load.p50} ms, p99 ${load.p99} ms.`);
        tally.ok += load.ok;
        result.openLoop.push({ target, arrivals, load, rssMb: rss.phasePeakMb() });
        return load;
      };
      const even = await fixedRate("even", target, common);
      // A server that cannot take the rate evenly spread is still working off its backlog: bursts would
      // measure that backlog (and cost the run half a minute more).
      if (even.errors === 0 && even.ok >= 0.97 * options.openLoopRate * options.measureS) {
        await fixedRate("bursts", target, common);
      } else notes.push(`${target}: the bursts row was skipped, the even rate was not sustained.`);

      // The same closed-loop and evenly spread measures for each other sender's webhook on this server.
      for (const other of OTHER_SENDERS) {
        const webhook = hookbell.webhooks.find((candidate) => candidate.sender === other.sender);
        if (!webhook) continue;
        const otherPool = otherPools.get(other.sender);
        if (!otherPool) continue;
        otherPool.startTarget();
        const otherTarget = `${target}, ${other.name} webhook`;
        const otherCommon = { url: hookbell.server.url, path: `/api/ingest/${webhook.id}`, pool: otherPool };
        result.throughput.push({
          ...(await measure(otherTarget, rss, { ...otherCommon, connections: options.connections }, tally)),
          versus: bareOf(other.name),
        });
        await fixedRate("even", otherTarget, otherCommon);
        notes.push(`${otherTarget}: ${otherPool.name}'s samples (mean ${kib(otherPool.meanBodyBytes)}).`);
      }

      if (options.shape && isFirst) {
        const shapeRow = async (connections: number, shapePool: RequestPool, guessedRate = fastest) => {
          const label = `${target}, ${connections} connections, ${kib(shapePool.meanBodyBytes)}`;
          const load = { ...common, pool: shapePool, connections };
          const measured = await measure(label, rss, load, tally, guessedRate);
          result.shape.push({ ...measured, target, connections, bodyBytes: shapePool.meanBodyBytes });
        };
        await shapeRow(10, pool);
        result.shape.push({ ...main, connections: options.connections, bodyBytes: pool.meanBodyBytes });
        await shapeRow(200, pool);
        const large = new RequestPool("64k", largeClerkPayload(64 * 1024));
        large.startTarget();
        // Signing 64 KiB costs ~0.6 ms a request: guess low, the warm-up's rate sizes the rest.
        await shapeRow(options.connections, large, 1000);
      }
    } finally {
      rss.stop();
      result.hookbellPeakRssMb.push({ target, mb: rss.overallPeakMb() });
      await hookbell.server.stop();
    }
    // Counted once the server has stopped: requests in flight at the end of a run are stored by then.
    const stored = await countStored(hookbell.databaseUrl);
    removeFolder(hookbell.dataDir);
    // Requests still in flight when a run ends may be stored without their 2xx being counted.
    const matches =
      stored.accepted >= tally.ok && stored.deliveries === BENCH_CHANNELS * stored.accepted && stored.other === 0;
    notes.push(
      `${target}: ${tally.ok.toLocaleString("en")} requests answered 2xx; stored ${stored.accepted.toLocaleString("en")} events, ` +
        `${stored.deliveries.toLocaleString("en")} outbox rows, ${stored.other} duplicate/rejected rows` +
        (matches ? " (as expected)." : `: NOT one event and ${BENCH_CHANNELS} outbox rows per 2xx answer.`),
    );

    result.latency.push(await alertLatency(target, await database.fresh(), database.label, options));
  }
  return result;
}

async function alertLatency(
  target: string,
  databaseUrl: string | undefined,
  label: string,
  options: IngestBenchOptions,
): Promise<IngestBenchResult["latency"][number]> {
  const slack = await new SlackStandIn().start();
  const unregister = onCleanup(() => slack.stop());
  try {
    options.log(`${target}: alert latency, starting a fresh server with the embedded worker on…`);
    const hookbell = await startHookbell({
      label: `${label.toLowerCase()}-e2e`,
      databaseUrl,
      webhooks: E2E_WEBHOOKS,
      worker: true,
      slackOrigin: slack.origin,
    });
    const rss = sampleRss(hookbell.server.pid);
    try {
      const result = await measureAlertLatency({
        url: hookbell.server.url,
        webhooks: hookbell.webhooks,
        slack,
        samples: options.e2eSamples,
      });
      options.log(`${target}: alert latency p50 ${result.p50} ms, p99 ${result.p99} ms (${result.samples} samples).`);
      return { target, result, rssMb: rss.overallPeakMb() };
    } finally {
      rss.stop();
      await hookbell.server.stop();
      removeFolder(hookbell.dataDir);
    }
  } finally {
    unregister();
    await slack.stop();
  }
}

/**
 * Waits until the server answers a single request quickly again (at most 15 s): a server that fell behind
 * keeps working through requests its clients gave up on, which would otherwise land in the next phase.
 */
async function settle(target: { url: string; path: string; pool: RequestPool }): Promise<void> {
  const deadline = Date.now() + 15_000;
  let quick = 0;
  while (quick < 3 && Date.now() < deadline) {
    const request = target.pool.next();
    const started = performance.now();
    await fetch(`${target.url}${target.path}`, {
      method: "POST",
      headers: request.headers,
      body: request.body.toString("utf8"),
      signal: AbortSignal.timeout(5000),
    })
      .then((response) => response.arrayBuffer())
      .catch(() => undefined);
    quick = performance.now() - started < 50 ? quick + 1 : 0;
    if (quick === 0) await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export const E2E_SHAPE = { webhooks: E2E_WEBHOOKS, spacingMs: E2E_SPACING_MS };
