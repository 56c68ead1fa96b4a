import { cutText, joinPath } from "./format-condition-value";

// The builder's field picker: the fields of the sample or latest event, addressed as conditions address
// them. A list of objects is listed by its elements' fields ("data.email_addresses.email_address"), since an
// object beside a list means "some element matches". Bounded: the payload may be any size.

export type PayloadFieldType = "string" | "number" | "boolean" | "null" | "array" | "object";
export type PayloadField = { path: string; sample: string; type: PayloadFieldType };

const MAX_SEGMENTS = 6;
const DEFAULT_LIMIT = 200;
// The elements of a list read for their fields: the first few show its shape.
const ELEMENTS_READ = 10;
const SAMPLE_CHARS = 80;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function typeOf(value: unknown): PayloadFieldType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  if (typeof value === "number") return "number";
  return typeof value === "boolean" ? "boolean" : "string";
}

function sampleOf(value: unknown): string {
  if (typeof value === "string") return cutText(value, SAMPLE_CHARS);
  if (Array.isArray(value)) {
    if (value.length === 0) return "empty list";
    const count = value.length === 1 ? "1 item" : `${value.length} items`;
    const primitives = value.slice(0, ELEMENTS_READ).filter((item) => item === null || typeof item !== "object");
    return primitives.length === 0 ? count : cutText(`${count}: ${primitives.map(String).join(", ")}`, SAMPLE_CHARS);
  }
  if (isRecord(value)) {
    const count = Object.keys(value).length;
    if (count === 0) return "empty object";
    return count === 1 ? "1 field" : `${count} fields`;
  }
  return String(value);
}

type Found = PayloadField & { order: number[] };
type Pending = { node: unknown; path: string; segments: number; order: number[] };

function compareOrder(a: Found, b: Found): number {
  for (let i = 0; i < Math.min(a.order.length, b.order.length); i++) {
    if (a.order[i] !== b.order[i]) return a.order[i] - b.order[i];
  }
  return a.order.length - b.order.length;
}

export function listPayloadFields(payload: unknown, limit: number = DEFAULT_LIMIT): PayloadField[] {
  const found: Found[] = [];
  const seen = new Set<string>();
  // Breadth first, so a big nested object cannot crowd out the top-level fields; listed in reading order.
  const pending: Pending[] = [{ node: payload, path: "", segments: 0, order: [] }];
  for (let next = 0; next < pending.length && found.length < limit; next++) {
    const { node, path, segments, order } = pending[next];
    const objects = Array.isArray(node) ? node.slice(0, ELEMENTS_READ).filter(isRecord) : isRecord(node) ? [node] : [];
    let index = 0;
    for (const object of objects) {
      for (const key of Object.keys(object)) {
        // Keys a dotted path cannot address, or that a condition refuses or reads as an operator.
        if (key === "" || key.includes(".") || key.startsWith("$") || key === "__proto__") continue;
        const fieldPath = joinPath(path, key);
        if (seen.has(fieldPath)) continue;
        seen.add(fieldPath);
        const value = object[key];
        const field: Found = {
          path: fieldPath,
          sample: sampleOf(value),
          type: typeOf(value),
          order: [...order, index++],
        };
        found.push(field);
        if (found.length >= limit) break;
        const hasFields = isRecord(value) || (Array.isArray(value) && value.slice(0, ELEMENTS_READ).some(isRecord));
        if (hasFields && segments + 1 < MAX_SEGMENTS) {
          pending.push({ node: value, path: fieldPath, segments: segments + 1, order: field.order });
        }
      }
      if (found.length >= limit) break;
    }
  }
  return found.sort(compareOrder).map(({ path, sample, type }) => ({ path, sample, type }));
}
