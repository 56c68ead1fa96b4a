import { z } from "zod";

/** Every error answer: `{ "error": { "code", "message", "fields"? } }`. */
export const ApiError = z.object({
  error: z.object({
    code: z.enum([
      "bad_request",
      "validation_failed",
      "unauthorized",
      "not_found",
      "conflict",
      "method_not_allowed",
      "payload_too_large",
      "unsupported_media_type",
      "rate_limited",
      "internal_error",
    ]),
    message: z.string(),
    // On 422: each invalid field by its path in the request (e.g. "template.html"), with what is wrong.
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export const Timestamp = z.iso.datetime();
export const NullableTimestamp = Timestamp.nullable();

export function iso(date: Date): string;
export function iso(date: Date | null): string | null;
export function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

export const Id = (what: string) => z.string().min(1).max(64).describe(`The ${what}'s id.`);

/** Answers to the replay actions: how many events were replayed and how many alerts were queued. */
export const Replayed = z.object({ events: z.number().int(), deliveries: z.number().int() });
