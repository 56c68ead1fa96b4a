/**
 * JSON.stringify(value, null, 2), but it stops once the text passes `max` characters and answers the
 * first `max` of them with "…". A template can call {{json}} on a 240 KB event a thousand times; the
 * cut must come before the whole string is built, not after.
 */
export function boundedJson(value: unknown, max: number): string {
  const out: string[] = [];
  let length = 0;
  const push = (text: string) => {
    out.push(text);
    length += text.length;
    if (length > max) throw CUT;
  };
  try {
    if (!write(value, "", push)) return "";
  } catch (error) {
    if (error !== CUT) throw error;
    return `${out.join("").slice(0, max)}…`;
  }
  return out.join("");
}

const CUT = Symbol("cut");

/** Writes `value`; false for what JSON.stringify leaves out (undefined, functions, symbols). */
function write(value: unknown, indent: string, push: (text: string) => void): boolean {
  if (value === null) {
    push("null");
    return true;
  }
  switch (typeof value) {
    case "string":
      push(JSON.stringify(value));
      return true;
    case "number":
      push(Number.isFinite(value) ? String(value) : "null");
      return true;
    case "boolean":
      push(String(value));
      return true;
    case "bigint":
      throw new TypeError("Do not know how to serialize a BigInt");
    case "object":
      break;
    default:
      return false;
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") return write(toJSON.call(value), indent, push);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    push(value.length === 0 ? "[]" : "[");
    if (value.length === 0) return true;
    value.forEach((item, index) => {
      push(`${index > 0 ? "," : ""}\n${inner}`);
      if (!write(item, inner, push)) push("null");
    });
    push(`\n${indent}]`);
    return true;
  }
  let isFirst = true;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    push(`${isFirst ? "{" : ","}\n${inner}${JSON.stringify(key)}: `);
    isFirst = false;
    write(item, inner, push);
  }
  push(isFirst ? "{}" : `\n${indent}}`);
  return true;
}
