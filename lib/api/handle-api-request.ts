import { type ApiCaller, authenticateApiKey } from "../api-keys/authenticate-api-key";
import { type Db, getDb } from "../db/client";
import { AppError, logUnexpected } from "../errors";
import { limiters } from "../rate-limit/limits";
import { forwardedClientAddress } from "../server/client-address";
import { apiErrorResponse, toApiErrorResponse } from "./api-error";
import { API_OPERATIONS } from "./api-operations";
import type { Operation } from "./operation";
import { readJsonBody } from "./read-json-body";

export const API_PREFIX = "/api/v1";

const compiled = API_OPERATIONS.map((operation) => ({
  operation,
  pattern: new RegExp(`^${operation.path.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}$`),
}));

function match(path: string): { operation: Operation; params: Record<string, string> }[] {
  return compiled.flatMap(({ operation, pattern }) => {
    const found = pattern.exec(path);
    if (!found) return [];
    const params = Object.fromEntries(
      Object.entries(found.groups ?? {}).map(([name, value]) => [name, safeDecode(value)]),
    );
    return [{ operation, params }];
  });
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The whole of /api/v1 behind one route handler: route → authenticate the key → rate-limit it → validate
 * path, query and body → call the operation (which calls the same lib/ functions as the dashboard) →
 * answer with the declared response shape. Every failure answers `{ "error": { "code", "message" } }`.
 */
export async function handleApiRequest(request: Request, db: Db = getDb()): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname.slice(API_PREFIX.length).replace(/\/+$/, "") || "/";
  const candidates = match(path);
  if (candidates.length === 0) {
    return apiErrorResponse(
      "not_found",
      `No endpoint at ${url.pathname.slice(0, 200)}; see ${API_PREFIX}/openapi.json.`,
    );
  }
  const found = candidates.find((candidate) => candidate.operation.method === request.method);
  if (!found) {
    const allow = candidates.map((candidate) => candidate.operation.method).join(", ");
    return apiErrorResponse("method_not_allowed", `${request.method} is not supported here; use ${allow}.`, {
      headers: { Allow: allow },
    });
  }
  const { operation } = found;
  const address = forwardedClientAddress(request.headers);
  try {
    if (operation.auth !== false && address) {
      const decision = limiters().apiKeyFailuresPerIp.peek(address);
      if (!decision.ok) {
        return apiErrorResponse(
          "rate_limited",
          `Too many requests with a missing or wrong API key from this address; retry in ${decision.retryAfterSeconds} s.`,
          { headers: { "Retry-After": String(decision.retryAfterSeconds) } },
        );
      }
    }
    const caller =
      operation.auth === false ? undefined : await authenticate(db, request.headers.get("authorization"), address);
    if (caller) {
      const decision = limiters().apiPerKey.take(caller.apiKey.id);
      if (!decision.ok) {
        return apiErrorResponse(
          "rate_limited",
          `Too many requests with this API key; retry in ${decision.retryAfterSeconds} s.`,
          { headers: { "Retry-After": String(decision.retryAfterSeconds) } },
        );
      }
    }
    const params = operation.params?.parse(found.params);
    const query = operation.query?.parse(Object.fromEntries(url.searchParams));
    const body = operation.body ? operation.body.parse(await readJsonBody(request)) : undefined;
    const result = await operation.handler({ db, caller: caller as never, params, query, body } as never);
    if (!operation.response) return new Response(null, { status: operation.status });
    // Only declared fields leave: an answer that does not fit its schema is a bug, never sent as is.
    const output = operation.response.safeParse(result);
    if (!output.success) {
      logUnexpected(`API answer of ${operation.id} does not fit its schema`, output.error);
      return apiErrorResponse("internal_error", "Something went wrong on our side. Please try again.");
    }
    return Response.json(output.data, { status: operation.status });
  } catch (error) {
    return toApiErrorResponse(error);
  }
}

/**
 * A refused key (malformed, unknown, revoked, expired) spends from its address's budget
 * (apiKeyFailuresPerIp); an accepted key does not, nor does a request without one (no lookup to pay for).
 */
async function authenticate(db: Db, authorization: string | null, address: string | undefined): Promise<ApiCaller> {
  try {
    return await authenticateApiKey(db, authorization);
  } catch (error) {
    if (address && authorization && error instanceof AppError && error.code === "unauthorized") {
      limiters().apiKeyFailuresPerIp.take(address);
    }
    throw error;
  }
}
