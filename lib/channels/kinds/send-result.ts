// What a channel sender reports for one attempt. The worker turns it into the delivery's next state.
export type SendResult =
  | {
      outcome: "sent";
      statusCode?: number;
      response?: string;
      /** The destination asks for nothing more for this long (Discord's bucket is empty until it resets). */
      pauseMs?: number;
    }
  | { outcome: "retry"; statusCode?: number; error: string; retryAfterMs?: number }
  | { outcome: "failed"; statusCode?: number; error: string };

const MAX_DETAIL = 500;

/** Responses and errors are stored with each attempt; a misbehaving server cannot make them huge. */
export function clip(text: string): string {
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

/** An HTTP Retry-After (seconds, or a date) in milliseconds, at most an hour; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 3600) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.min(date - Date.now(), 3_600_000));
}
