// A body as the sender sent it → the JSON object alerts, conditions and templates see. JSON, or a form
// (application/x-www-form-urlencoded) whose `payload` field is the JSON, as GitHub sends when an endpoint is
// set to that content type. The stored body stays the raw text either way: the signature is over it.

const FORM_PAYLOAD = /^payload=/;

/** The body's JSON object; undefined when it is not one (not JSON, an array, a form without a JSON payload). */
export function parsePayload(body: string): Record<string, unknown> | undefined {
  const json = FORM_PAYLOAD.test(body) ? formPayload(body) : body;
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
