import { ZodError } from "zod";
import { joinSentences } from "./format/join-sentences";
import { createLogger } from "./logging/create-logger";

export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "not_found"
  | "conflict"
  | "method_not_allowed"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "internal_error";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
};

/** The one error type domain code throws for expected failures; its message is safe to show a user. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} not found.`);
}

const log = createLogger("app");

/** One log line for an unexpected error: its name, code and message, secrets redacted (see lib/logging). */
export function logUnexpected(context: string, error: unknown): void {
  const { name, code, message } = (error ?? {}) as { name?: string; code?: string; message?: string };
  log.error(`${context}: ${name ?? "Error"}${code ? ` ${code}` : ""}: ${String(message ?? error)}`);
}

/** Turns any thrown value into a user-facing message: AppError and zod messages pass, the rest is hidden. */
export function toUserMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (error instanceof ZodError) return joinSentences(error.issues.map((issue) => issue.message));
  logUnexpected("unexpected error", error);
  return "Something went wrong on our side. Please try again.";
}
