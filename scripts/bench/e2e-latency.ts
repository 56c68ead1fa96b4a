import type { SlackStandIn } from "../../tests/helpers/slack-stand-in";
import type { BenchWebhook } from "./hookbell-target";
import { clerkPayloads, RequestPool } from "./request-pool";

// Alert latency on an idle queue: a signed request leaves the bench → Hookbell stores it → the embedded
// worker (woken by ingest) renders and posts to Slack → the Slack stand-in has the POST. Slack is paced at
// one message a second per URL, so requests rotate over many webhooks (one Slack URL each) spaced so no URL
// gets a second message within its second: the numbers are Hookbell's own latency, never the pacing.

export const E2E_WEBHOOKS = 15;
export const E2E_SPACING_MS = 100;

export type LatencyResult = { samples: number; p50: number; p99: number; max: number; lost: number; failed: number };

export async function measureAlertLatency(options: {
  url: string;
  webhooks: BenchWebhook[];
  slack: SlackStandIn;
  samples: number;
}): Promise<LatencyResult> {
  const { url, webhooks, slack } = options;
  const pool = new RequestPool("e2e", clerkPayloads());
  pool.startTarget();
  // Warm-up: one alert per webhook (first requests compile routes and templates), then pacing slots free up.
  await sendSpaced(url, webhooks, pool, webhooks.length);
  await waitForPosts(slack, webhooks.length, 30_000);
  await new Promise((resolve) => setTimeout(resolve, 1500));

  slack.posts.length = 0;
  const sent = await sendSpaced(url, webhooks, pool, options.samples);
  const ok = sent.filter((s) => s.status === 200);
  await waitForPosts(slack, ok.length, 15_000);

  // Per Slack URL, the n-th POST answers the n-th request sent to its webhook.
  const arrivals = new Map<string, number[]>();
  for (const post of slack.posts) arrivals.set(post.path, [...(arrivals.get(post.path) ?? []), post.at]);
  const latencies: number[] = [];
  for (const webhook of webhooks) {
    const times = arrivals.get(webhook.slackPath) ?? [];
    ok.filter((s) => s.webhook === webhook).forEach((s, n) => {
      if (times[n] !== undefined) latencies.push(times[n] - s.at);
    });
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? NaN;
  return {
    samples: latencies.length,
    p50: at(0.5),
    p99: at(0.99),
    max: latencies[latencies.length - 1] ?? NaN,
    lost: ok.length - latencies.length,
    failed: sent.length - ok.length,
  };
}

type Sent = { webhook: BenchWebhook; at: number; status: number };

/** Request i goes to webhook i mod n at i × spacing, whether or not earlier ones have been answered. */
async function sendSpaced(url: string, webhooks: BenchWebhook[], pool: RequestPool, count: number) {
  const start = Date.now();
  const sends: Promise<Sent>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + i * E2E_SPACING_MS;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
    const webhook = webhooks[i % webhooks.length];
    const request = pool.next();
    const at = Date.now();
    sends.push(
      fetch(`${url}/api/ingest/${webhook.id}`, {
        method: "POST",
        headers: request.headers,
        body: request.body.toString("utf8"),
      })
        .then(async (response) => {
          await response.arrayBuffer();
          return { webhook, at, status: response.status };
        })
        .catch(() => ({ webhook, at, status: 0 })),
    );
  }
  return Promise.all(sends);
}

async function waitForPosts(slack: SlackStandIn, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (slack.posts.length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
