import type { SendResult } from "../channels/kinds/send-result";
import { nextRetryDelay } from "./retry-schedule";

/** One attempt as the notification log records it. */
export type Attempt = {
  /** Its number among all of the delivery's attempts (replays and Retry now included). */
  number: number;
  /** Attempts in the current retry cycle, this one included: what the retry schedule counts. */
  cycle: number;
  outcome: SendResult["outcome"];
  statusCode?: number;
  response?: string;
  error?: string;
  startedAt: Date;
  durationMs: number;
};

/** How one run of the delivery pipeline ends; settleDelivery writes it. */
export type Settlement =
  | { kind: "sent"; attempt: Attempt }
  | { kind: "retry"; at: Date; reason: string; attempt: Attempt }
  /** `keepsQuota`: a render that failed was the work the quota meters; a refused send alerted nobody. */
  | { kind: "failed"; reason: string; attempt: Attempt; keepsQuota: boolean }
  /** Not an attempt: the message waits for its own send slot behind others to the same destination. */
  | { kind: "deferred"; until: Date }
  | { kind: "skipped"; reason: string }
  /** Another worker holds the delivery now (this one's lease ran out): nothing is written. */
  | { kind: "superseded" };

/** A sender's result as the delivery's next state: sent, retried on the schedule, or given up on. */
export function settlementFor(
  result: SendResult,
  attempt: Omit<Attempt, "outcome" | "statusCode" | "response" | "error">,
  now: Date,
): Settlement {
  const recorded: Attempt = {
    ...attempt,
    outcome: result.outcome,
    statusCode: result.statusCode,
    ...(result.outcome === "sent" ? { response: result.response } : { error: result.error }),
  };
  if (result.outcome === "sent") return { kind: "sent", attempt: recorded };
  if (result.outcome === "failed")
    return { kind: "failed", reason: result.error, attempt: recorded, keepsQuota: false };
  const delay = nextRetryDelay(attempt.cycle, result.retryAfterMs);
  if (delay === null) {
    return {
      kind: "failed",
      reason: `Gave up after ${attempt.cycle} attempts. ${result.error}`,
      attempt: recorded,
      keepsQuota: false,
    };
  }
  return { kind: "retry", at: new Date(now.getTime() + delay), reason: result.error, attempt: recorded };
}
