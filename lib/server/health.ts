import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../db/client";
import { sendJson } from "./send-json";

const DB_CHECK_TIMEOUT_MS = 2000;

/**
 * `GET /healthz` (liveness): the process serves requests. `GET /readyz` (readiness): it can take traffic —
 * the database answers and the process is not shutting down. Both are unauthenticated, cheap, and say
 * nothing about tenants. Returns false when the request is for another URL.
 */
export function serveHealth(
  db: Db,
  req: IncomingMessage,
  res: ServerResponse,
  state: { isDraining: boolean },
): boolean {
  const path = req.url?.split("?")[0];
  if (path !== "/healthz" && path !== "/readyz") return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    sendJson(res, 405, { error: { code: "method_not_allowed", message: "Use GET." } }, { Allow: "GET, HEAD" });
    return true;
  }
  if (path === "/healthz") {
    sendJson(res, 200, { status: "ok" });
    return true;
  }
  if (state.isDraining) {
    sendJson(res, 503, { status: "draining", database: "unchecked" });
    return true;
  }
  void databaseAnswers(db).then((isUp) =>
    sendJson(res, isUp ? 200 : 503, { status: isUp ? "ready" : "unavailable", database: isUp ? "ok" : "unreachable" }),
  );
  return true;
}

async function databaseAnswers(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), DB_CHECK_TIMEOUT_MS);
  });
  const check = db.$queryRawUnsafe("SELECT 1").then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
