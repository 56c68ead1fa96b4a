import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A real local HTTP server playing api.telegram.org for one bot: POST /bot<token>/sendMessage and
// /bot<token>/getUpdates, answered as the Bot API answers ({ok, result} or {ok:false, error_code,
// description, parameters}). It reads parse_mode "HTML" as Telegram does, on its own parser, not
// Hookbell's: a message Hookbell's renderer got wrong is refused here as Telegram would refuse it.

export type TelegramSent = {
  chatId: string;
  text: string;
  /** The text as Telegram shows it: tags gone, entities decoded. */
  shown: string;
  /** The entities Telegram made of the tags: bold, link… */
  tags: { tag: string; href?: string }[];
  body: Record<string, unknown>;
  at: number;
};

export type TelegramReply = { status: number; body: Record<string, unknown>; delayMs?: number };

export type TelegramStandIn = {
  origin: string;
  token: string;
  /** Every sendMessage Telegram accepted. */
  received: TelegramSent[];
  /** Every sendMessage call, accepted or not, in order (its chat_id). */
  calls: string[];
  /** Answers the next sendMessage calls with these, in order, before accepting again. */
  setNext(...replies: TelegramReply[]): void;
  /** getUpdates answers these updates; `webhookSet` makes it answer 409 Conflict as Telegram does. */
  setUpdates(updates: Record<string, unknown>[], options?: { webhookSet?: boolean }): void;
  close(): Promise<void>;
};

export const TELEGRAM_TEST_TOKEN = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ra";

const ALLOWED = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "tg-spoiler",
  "a",
  "code",
  "pre",
  "blockquote",
]);
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** Telegram's error answers, word for word as the Bot API sends them. */
export const telegramError = {
  tooMany: (retryAfter: number): TelegramReply => ({
    status: 429,
    body: {
      ok: false,
      error_code: 429,
      description: `Too Many Requests: retry after ${retryAfter}`,
      parameters: { retry_after: retryAfter },
    },
  }),
  unauthorized: (): TelegramReply => ({
    status: 401,
    body: { ok: false, error_code: 401, description: "Unauthorized" },
  }),
  blocked: (): TelegramReply => ({
    status: 403,
    body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
  }),
  kicked: (): TelegramReply => ({
    status: 403,
    body: { ok: false, error_code: 403, description: "Forbidden: bot was kicked from the group chat" },
  }),
  chatNotFound: (): TelegramReply => ({
    status: 400,
    body: { ok: false, error_code: 400, description: "Bad Request: chat not found" },
  }),
  migrated: (to: number): TelegramReply => ({
    status: 400,
    body: {
      ok: false,
      error_code: 400,
      description: "Bad Request: group chat was upgraded to a supergroup chat",
      parameters: { migrate_to_chat_id: to },
    },
  }),
  serverError: (): TelegramReply => ({ status: 502, body: { ok: false, error_code: 502, description: "Bad Gateway" } }),
};

export async function startTelegramStandIn(token = TELEGRAM_TEST_TOKEN): Promise<TelegramStandIn> {
  const received: TelegramSent[] = [];
  const calls: string[] = [];
  const script: TelegramReply[] = [];
  let updates: Record<string, unknown>[] = [];
  let webhookSet = false;
  let messageId = 100;

  const server: Server = createServer(async (request, response) => {
    const answer = (status: number, body: Record<string, unknown>) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url ?? "");
    if (!match) return answer(404, { ok: false, error_code: 404, description: "Not Found" });
    const [, given, method] = match;
    if (given !== token) return answer(401, { ok: false, error_code: 401, description: "Unauthorized" });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse((await readBody(request)) || "{}");
    } catch {
      return answer(400, { ok: false, error_code: 400, description: "Bad Request: invalid JSON" });
    }
    if (method === "getUpdates") {
      if (body.offset !== undefined)
        return answer(400, {
          ok: false,
          error_code: 400,
          description: "stand-in: Hookbell must not pass an offset (it would drop updates)",
        });
      if (webhookSet) {
        return answer(409, {
          ok: false,
          error_code: 409,
          description:
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        });
      }
      return answer(200, { ok: true, result: updates });
    }
    if (method !== "sendMessage") return answer(404, { ok: false, error_code: 404, description: "Not Found" });
    const chatId = String(body.chat_id ?? "");
    calls.push(chatId);
    const next = script.shift();
    if (next) {
      if (next.delayMs) await new Promise((resolve) => setTimeout(resolve, next.delayMs));
      return answer(next.status, next.body);
    }
    if (!chatId) return answer(400, { ok: false, error_code: 400, description: "Bad Request: chat_id is empty" });
    if (body.parse_mode !== "HTML")
      return answer(400, {
        ok: false,
        error_code: 400,
        description: "Bad Request: expected parse_mode HTML in this stand-in",
      });
    const text = typeof body.text === "string" ? body.text : "";
    const parsed = parseHtml(text);
    if ("error" in parsed)
      return answer(400, {
        ok: false,
        error_code: 400,
        description: `Bad Request: can't parse entities: ${parsed.error}`,
      });
    if (!parsed.shown.trim())
      return answer(400, { ok: false, error_code: 400, description: "Bad Request: message text is empty" });
    if (parsed.shown.length > 4096)
      return answer(400, { ok: false, error_code: 400, description: "Bad Request: message is too long" });
    messageId += 1;
    received.push({ chatId, text, shown: parsed.shown, tags: parsed.tags, body, at: Date.now() });
    return answer(200, {
      ok: true,
      result: {
        message_id: messageId,
        chat: { id: Number(chatId) || chatId },
        date: Math.floor(Date.now() / 1000),
        text: parsed.shown,
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    token,
    received,
    calls,
    setNext: (...replies) => script.push(...replies),
    setUpdates: (next, options = {}) => {
      updates = next;
      webhookSet = options.webhookSet ?? false;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Telegram's HTML rules: only its tags, closed in order, <a> with an href, and only valid entities. */
function parseHtml(text: string): { shown: string; tags: { tag: string; href?: string }[] } | { error: string } {
  let shown = "";
  const tags: { tag: string; href?: string }[] = [];
  const open: string[] = [];
  const pattern = /<(\/?)([a-z-]+)((?:\s+[a-z]+="[^"]*")*)\s*>|&(#\d+|#x[0-9a-f]+|[a-z]+);|[<>&]|[^<>&]+/gi;
  for (const [whole, slash, name, attributes, entity] of text.matchAll(pattern)) {
    if (name !== undefined) {
      const tag = name.toLowerCase();
      if (!ALLOWED.has(tag)) return { error: `Unsupported start tag "${tag}"` };
      if (slash) {
        if (open.pop() !== tag) return { error: `Unmatched end tag "${tag}"` };
        continue;
      }
      const href = /href="([^"]*)"/.exec(attributes)?.[1];
      if (tag === "a" && !href) return { error: "<a> without href" };
      open.push(tag);
      tags.push(href === undefined ? { tag } : { tag, href: decode(href) });
    } else if (entity !== undefined) {
      const value = decode(whole);
      if (value === whole) return { error: `Unsupported HTML entity "${whole}"` };
      shown += value;
    } else if (whole === "<" || whole === ">" || whole === "&") {
      return { error: `Character "${whole}" must be escaped` };
    } else {
      shown += whole;
    }
  }
  if (open.length) return { error: `Can't find end tag corresponding to start tag "${open[open.length - 1]}"` };
  return { shown, tags };
}

function decode(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith("#x") || entity.startsWith("#X"))
      return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity] ?? whole;
  });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
