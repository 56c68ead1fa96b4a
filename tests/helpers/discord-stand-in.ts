import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

// A real local HTTP server playing discord.com's webhook endpoint: it checks each request as Discord
// does (path, ?wait=true, JSON, the message's limits) and answers as Discord does: the kept message
// as JSON with its rate-limit headers, 429 with retry_after, and Discord's JSON errors with their codes.
// Point HOOKBELL_DISCORD_ORIGIN / the worker's discordOrigin at `origin`.

type Embed = {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  timestamp?: string;
};

export type DiscordPost = {
  webhookId: string;
  token: string;
  body: {
    content?: string;
    username?: string;
    embeds?: Embed[];
    allowed_mentions?: { parse?: string[] };
  };
  /** The id of the message Discord "kept". */
  messageId: string;
  at: number;
};

export type DiscordReply = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number };

export type DiscordStandIn = {
  origin: string;
  /** Every message kept (answered 200), in order. */
  received: DiscordPost[];
  /** Requests sent without ?wait=true: Discord answers 204 and the sender cannot know what became of them. */
  unconfirmed: number;
  /** Answers for the next requests, in order (then 200 with the kept message). */
  setNext(...replies: DiscordReply[]): void;
  /** Deletes a webhook: from now on Discord answers 404 Unknown Webhook for it. */
  deleteWebhook(id: string): void;
  close(): Promise<void>;
};

/** Discord's own answers, to script a test with: `discord.setNext(discordReplies.unknownWebhook())`. */
export const discordReplies = {
  rateLimited: (retryAfter: number, global = false): DiscordReply => ({
    status: 429,
    body: { message: "You are being rate limited.", retry_after: retryAfter, global },
    headers: {
      "retry-after": String(Math.ceil(retryAfter)),
      "x-ratelimit-limit": "5",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset-after": String(retryAfter),
      "x-ratelimit-bucket": "c0ffee",
      ...(global ? { "x-ratelimit-global": "true" } : { "x-ratelimit-scope": "user" }),
    },
  }),
  unknownWebhook: (): DiscordReply => ({ status: 404, body: { message: "Unknown Webhook", code: 10015 } }),
  invalidToken: (): DiscordReply => ({ status: 401, body: { message: "Invalid Webhook Token", code: 50027 } }),
  missingPermissions: (): DiscordReply => ({ status: 403, body: { message: "Missing Permissions", code: 50013 } }),
  serverError: (): DiscordReply => ({ status: 502, body: "<html>502 Bad Gateway</html>" }),
  /** A 200 that empties the webhook's bucket: nothing more until it resets. */
  lastInBucket: (resetAfter: number): DiscordReply => ({
    status: 200,
    headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset-after": String(resetAfter) },
  }),
};

const PATH = /^\/api(?:\/v\d+)?\/webhooks\/(\d{17,20})\/([A-Za-z0-9_-]+)$/;

export async function startDiscordStandIn(): Promise<DiscordStandIn> {
  const received: DiscordPost[] = [];
  const script: DiscordReply[] = [];
  const deleted = new Set<string>();
  let messages = 0;
  const state = { unconfirmed: 0 };

  const server = createServer(async (request, response) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const text = typeof body === "string" ? body : JSON.stringify(body);
      const type = typeof body === "string" ? "text/html" : "application/json";
      response.writeHead(status, { "content-type": type, ...headers });
      response.end(status === 204 ? undefined : text);
    };
    const raw = await readBody(request);
    const url = new URL(request.url ?? "/", "http://stand-in");
    const path = PATH.exec(url.pathname);
    if (request.method !== "POST" || !path) return send(404, { message: "404: Not Found", code: 0 });
    const [, webhookId, token] = path;
    if (deleted.has(webhookId)) return send(404, { message: "Unknown Webhook", code: 10015 });
    const reply = script.shift();
    if (reply?.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (reply && reply.status !== 200) return send(reply.status, reply.body ?? "", reply.headers);
    if (!(request.headers["content-type"] ?? "").startsWith("application/json")) {
      return send(400, { message: "Cannot send an empty message", code: 50006 });
    }
    let body: DiscordPost["body"];
    try {
      body = JSON.parse(raw);
    } catch {
      return send(400, { message: "The request body contains invalid JSON.", code: 50109 });
    }
    const problems = checkMessage(body);
    if (problems === "empty") return send(400, { message: "Cannot send an empty message", code: 50006 });
    if (problems) return send(400, { message: "Invalid Form Body", code: 50035, errors: problems });
    if (url.searchParams.get("wait") !== "true") {
      state.unconfirmed += 1;
      return send(204, "");
    }
    messages += 1;
    const messageId = String(1_300_000_000_000_000_000n + BigInt(messages));
    received.push({ webhookId, token, body, messageId, at: Date.now() });
    send(
      200,
      {
        id: messageId,
        type: 0,
        content: body.content ?? "",
        channel_id: "1200000000000000001",
        author: { id: webhookId, username: body.username ?? "Captain Hook", bot: true },
        embeds: body.embeds ?? [],
        mentions: [],
        timestamp: new Date().toISOString(),
        webhook_id: webhookId,
      },
      {
        "x-ratelimit-limit": "5",
        "x-ratelimit-remaining": "4",
        "x-ratelimit-reset": String(Date.now() / 1000 + 2),
        "x-ratelimit-reset-after": "2",
        "x-ratelimit-bucket": "c0ffee",
        ...reply?.headers,
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    get unconfirmed() {
      return state.unconfirmed;
    },
    setNext: (...replies) => script.push(...replies),
    deleteWebhook: (id) => deleted.add(id),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

type FormErrors = Record<string, unknown>;

/** Discord's message limits, answered as its 50035 errors tree: `{ "embeds": { "0": { "title": {…} } } }`. */
function checkMessage(body: DiscordPost["body"]): FormErrors | "empty" | null {
  const errors: FormErrors = {};
  const tooLong = (max: number) => ({
    _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${max} or fewer in length.` }],
  });
  const required = { _errors: [{ code: "BASE_TYPE_REQUIRED", message: "This field is required" }] };
  const embeds = body.embeds ?? [];
  if (!body.content && embeds.length === 0) return "empty";
  if (!body.allowed_mentions || !Array.isArray(body.allowed_mentions.parse)) {
    // Not Discord's rule: Hookbell's promise that every message carries it.
    errors.allowed_mentions = required;
  }
  if ((body.content ?? "").length > 2000) errors.content = tooLong(2000);
  if (embeds.length > 10) errors.embeds = tooLong(10);
  embeds.forEach((embed, index) => {
    const found: FormErrors = {};
    if ((embed.title ?? "").length > 256) found.title = tooLong(256);
    if ((embed.description ?? "").length > 4096) found.description = tooLong(4096);
    if ((embed.footer?.text ?? "").length > 2048) found.footer = { text: tooLong(2048) };
    const fields = embed.fields ?? [];
    if (fields.length > 25) found.fields = tooLong(25);
    fields.forEach((field, at) => {
      const problems: FormErrors = {};
      if (!field.name) problems.name = required;
      else if (field.name.length > 256) problems.name = tooLong(256);
      if (!field.value) problems.value = required;
      else if (field.value.length > 1024) problems.value = tooLong(1024);
      if (Object.keys(problems).length > 0) found.fields = { ...(found.fields as object), [at]: problems };
    });
    if (embed.url && !/^https?:\/\//.test(embed.url)) {
      found.url = { _errors: [{ code: "URL_TYPE_INVALID_URL", message: "Not a well formed URL." }] };
    }
    if (Object.keys(found).length > 0) errors.embeds = { ...(errors.embeds as object), [index]: found };
  });
  const total = embeds.reduce(
    (sum, embed) =>
      sum +
      (embed.title ?? "").length +
      (embed.description ?? "").length +
      (embed.footer?.text ?? "").length +
      (embed.fields ?? []).reduce((n, field) => n + field.name.length + field.value.length, 0),
    0,
  );
  if (total > 6000) {
    errors.embeds = {
      _errors: [{ code: "MAX_EMBED_SIZE_EXCEEDED", message: "Embed size exceeds maximum size of 6000" }],
    };
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
