import { AppError } from "../errors";

/** Room for an email template at its largest (200,000 characters of HTML plus text), escaped. */
export const MAX_BODY_BYTES = 512 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * The request's JSON body. An empty body reads as `{}` so that the schema names any missing field; a
 * body that is not declared JSON is 415, unparsable JSON 400 and an oversized one 413.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type");
  if (type !== null && !JSON_TYPE.test(type)) {
    throw new AppError("unsupported_media_type", `Send the body as application/json, not ${type.slice(0, 60)}.`);
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) throw tooLarge();
      chunks.push(chunk);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  if (type === null) throw new AppError("unsupported_media_type", "Send the body with Content-Type: application/json.");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("bad_request", `The body is not valid JSON: ${(error as Error).message.slice(0, 200)}`);
  }
}

function tooLarge(): AppError {
  return new AppError("payload_too_large", `The body is over ${MAX_BODY_BYTES / 1024} KiB.`);
}
