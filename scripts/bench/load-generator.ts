import { Agent, request as httpRequest } from "node:http";
import autocannon from "autocannon";
import type { RequestPool } from "./request-pool";

// Load over loopback, every request taken from a pool of signed requests. runLoad: autocannon, closed loop
// (each connection sends its next request when the last one is answered), or with `overallRate` autocannon's
// rate cap. runPaced: an open loop with evenly spaced arrivals, each latency counted from its scheduled time.

export type LoadResult = {
  /** Answered with 2xx, per second of the measured window. */
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Non-2xx answers plus socket errors and timeouts. */
  errors: number;
  requests: number;
  /** Answered with 2xx in the whole window. */
  ok: number;
  statusCodes: Record<string, number>;
  /** Requests the pool did not have ready (signed during the phase). */
  signedLive: number;
};

export type LoadOptions = {
  url: string;
  path: string;
  pool: RequestPool;
  connections: number;
  durationS: number;
  /**
   * autocannon's rate cap: each connection may send its share of the rate per one-second window, back to
   * back from the window's start, so arrivals come in bursts. Latencies are recorded as measured (its
   * coordinated-omission correction assumes a 1 ms interval at any rate and would inflate them).
   */
  overallRate?: number;
};

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const before = options.pool.signedLive;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationS,
    overallRate: options.overallRate,
    ignoreCoordinatedOmission: options.overallRate !== undefined,
    timeout: 10,
    requests: [
      {
        method: "POST",
        path: options.path,
        setupRequest: (request) => {
          const next = options.pool.next();
          request.headers = next.headers;
          request.body = next.body;
          return request;
        },
      },
    ],
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats?.count ?? 0]),
  );
  return {
    reqPerSec: Math.round(result["2xx"] / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
    requests: result.requests.total,
    ok: result["2xx"],
    statusCodes,
    signedLive: options.pool.signedLive - before,
  };
}

/**
 * Open loop at a fixed rate: request i is due at start + i / rate whatever happened to earlier ones (new
 * sockets open when all are busy), and its latency runs from when it was due, so a stall counts in full
 * for every request it delays.
 */
export async function runPaced(options: {
  url: string;
  path: string;
  pool: RequestPool;
  rate: number;
  durationS: number;
}): Promise<LoadResult> {
  const { hostname, port } = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.round(options.rate * options.durationS);
  const intervalMs = 1000 / options.rate;
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let ok = 0;
  let errors = 0;
  let done = 0;
  const before = options.pool.signedLive;

  const settle = (status: number | string, dueAt: number) => {
    statusCodes[status] = (statusCodes[status] ?? 0) + 1;
    if (typeof status === "number" && status >= 200 && status < 300) {
      ok++;
      latencies.push(performance.now() - dueAt);
    } else {
      errors++;
    }
    done++;
  };
  const fire = (dueAt: number) => {
    const next = options.pool.next();
    const headers = { ...next.headers, "content-length": String(next.body.length) };
    const request = httpRequest(
      { agent, hostname, port, path: options.path, method: "POST", headers, timeout: 10_000 },
      (response) => {
        response.resume();
        response.on("end", () => settle(response.statusCode ?? 0, dueAt));
        response.on("error", () => settle("socket error", dueAt));
      },
    );
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", () => settle("socket error", dueAt));
    request.end(next.body);
  };

  const start = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * intervalMs <= now) fire(start + sent++ * intervalMs);
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * intervalMs - performance.now()));
      else resolve();
    };
    tick();
  });
  const deadline = performance.now() + 15_000;
  while (done < total && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    round1(latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? NaN);
  return {
    // Answers per second of the schedule; a server that falls behind shows it in the latencies.
    reqPerSec: Math.round(ok / options.durationS),
    p50: at(0.5),
    p99: at(0.99),
    errors: errors + (total - done),
    requests: total,
    ok,
    statusCodes,
    signedLive: options.pool.signedLive - before,
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
