import { createServer, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

/** One request as it arrived, and what the standardwebhooks library made of it. */
export type ReceivedWebhook = {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as signed. */
  body: string;
  /** The payload the library returned, when the signature verified with the receiver's secret. */
  verified: unknown;
  /** Why verification failed; null when it passed. */
  verifyError: string | null;
  at: number;
};

export type ReceiverAnswer = { status: number; body?: string; headers?: Record<string, string>; delayMs?: number };

export type WebhookReceiver = {
  origin: string;
  /** A URL on this receiver (path given, default /hooks/clerk). */
  url(path?: string): string;
  received: ReceivedWebhook[];
  /** The secret this receiver verifies with: the one Hookbell showed once. */
  setSecret(secret: string): void;
  /** Answers for the next requests, in order; then 200 {"ok":true} to a verified request, 401 to another. */
  answerNext(...answers: ReceiverAnswer[]): void;
  close(): Promise<void>;
};

/**
 * Verifies exactly as a receiver would, with the library (not Hookbell's code), at `now`. The library reads
 * the clock with Date.now() to check the timestamp's 5-minute window; a test that moves its own clock (a
 * rotation's 24 hours) lends it that clock for the one synchronous call.
 */
export function verifyWithLibrary(secret: string, body: string, headers: IncomingHttpHeaders, now?: () => Date) {
  const flat = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value ?? "")]));
  const realNow = Date.now;
  if (now) Date.now = () => now().getTime();
  try {
    return new Webhook(secret).verify(body, flat);
  } finally {
    Date.now = realNow;
  }
}

/**
 * A real local HTTP server standing in for a user's endpoint (n8n, a worker): every request is checked
 * with the standardwebhooks library and recorded; answers come from a script (2xx, 410, 429 with
 * Retry-After, 500, a 302 redirect), else 200 to a verified request and 401 to one that does not verify.
 */
export async function startWebhookReceiver(
  options: { secret?: string; now?: () => Date } = {},
): Promise<WebhookReceiver> {
  let secret = options.secret ?? null;
  const script: ReceiverAnswer[] = [];
  const received: ReceivedWebhook[] = [];
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    let verified: unknown = null;
    let verifyError: string | null = "no secret set";
    if (secret) {
      try {
        verified = verifyWithLibrary(secret, body, request.headers, options.now);
        verifyError = null;
      } catch (error) {
        verifyError = (error as Error).message;
      }
    }
    received.push({
      path: request.url ?? "",
      method: request.method ?? "",
      headers: request.headers,
      body,
      verified,
      verifyError,
      at: Date.now(),
    });
    const answer =
      script.shift() ??
      (verifyError ? { status: 401, body: `invalid signature: ${verifyError}` } : { status: 200, body: '{"ok":true}' });
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    response.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
    response.end(answer.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path = "/hooks/clerk") => `${origin}${path}`,
    received,
    setSecret: (value) => {
      secret = value;
    },
    answerNext: (...answers) => {
      script.push(...answers);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
