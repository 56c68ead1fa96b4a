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
