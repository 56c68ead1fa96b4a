import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../db/client";
import { getEnv } from "../env";
import { sendJson } from "../server/send-json";
import { ingestRequest, type RequestHeaders } from "./ingest-request";
import { limitIngest } from "./limit-ingest";

const INGEST_PATH = /^\/api\/ingest\/([^/?#]*)\/?(?:\?.*)?$/;

/** The webhook id when `url` is an ingest URL (`/api/ingest/{webhookId}`), else undefined. */
export function ingestWebhookId(url: string | undefined): string | undefined {
  const match = url ? INGEST_PATH.exec(url) : null;
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/**
 * The ingest URL served straight from node:http, in front of Next: the hot path costs no framework
 * work. The only server of this URL (`npm run dev` runs the same front end); `url` must already be the
 * normalised path (lib/server/normalize-request-path.ts), so no other spelling of it goes elsewhere.
 */
export async function serveIngest(
  db: Db,
  req: IncomingMessage,
  res: ServerResponse,
  webhookId: string,
  sourceIp: string | undefined,
): Promise<void> {
  // Counted from when the headers are in: the headers have their own timeout (the server's headersTimeout).
  const bodyDeadline = Date.now() + getEnv().HOOKBELL_BODY_TIMEOUT_SECONDS * 1000;
  const headers = nodeHeaders(req);
  const request = { webhookId, sourceIp: sourceIp?.slice(0, 64) || undefined, headers };
  const outcome =
    (await limitIngest(db, request)) ??
    (await ingestRequest(db, { ...request, method: req.method ?? "GET", body: req, bodyDeadline }));
  if (!req.complete) {
    // The answer came before the body was read (e.g. 413 from Content-Length, 404, 408): do not keep
    // reading what the client is still sending.
    res.setHeader("Connection", "close");
  }
  sendJson(res, outcome.status, outcome.body, outcome.headers);
}

function nodeHeaders(req: IncomingMessage): RequestHeaders {
  const raw = req.headers;
  return {
    get(name) {
      const value = raw[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
    forEach(fn) {
      for (const [key, value] of Object.entries(raw)) {
        if (value !== undefined) fn(Array.isArray(value) ? value.join(", ") : value, key);
      }
    },
  };
}
