// A body as the sender sent it → the JSON object alerts, conditions and templates see. JSON, or a form
// (application/x-www-form-urlencoded) whose `payload` field is the JSON, as GitHub sends when an endpoint is
// set to that content type. The stored body stays the raw text either way: the signature is over it.

const FORM_PAYLOAD = /^payload=/;

/**
 * The body's JSON object; undefined when it is not one (not JSON, an array, a form without a JSON payload).
 * `acceptsForm: false` (ingest, for senders that only post JSON) refuses a form outright.
 */
export function parsePayload(body: string, acceptsForm = true): Record<string, unknown> | undefined {
  const isForm = FORM_PAYLOAD.test(body);
  if (isForm && !acceptsForm) return undefined;
  const json = isForm ? formPayload(body) : body;
  if (json === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function formPayload(body: string): string | undefined {
  try {
    return new URLSearchParams(body).get("payload") ?? undefined;
  } catch {
    return undefined;
  }
}
