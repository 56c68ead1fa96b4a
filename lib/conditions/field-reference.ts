// Hookdeck's `$ref`: a path to another field of the same payload, compared with instead of a fixed value
// ({"updated_at": {"$ref": "created_at"}}, {"inventory": {"$lte": {"$ref": "old_inventory"}}}). Bounded: a
// path of at most 32 segments, read from the payload's root through own keys and list indexes, one step.
// Hookdeck's `$index` (the current list position) is not supported.

export type FieldReference = { $ref: string };

const MAX_SEGMENTS = 32;

export function isReferenceLike(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Object.hasOwn(value, "$ref");
}

export function isReference(value: unknown): value is FieldReference {
  return isReferenceLike(value) && Object.keys(value).length === 1 && typeof value.$ref === "string";
}

/** "data.items[0].sku" or "data.items.0.sku" → ["data", "items", "0", "sku"]; null when not a usable path. */
export function parseReferencePath(path: string): string[] | null {
  const segments = path.replaceAll("[", ".").replaceAll("]", "").split(".");
  const isUsable =
    segments.length <= MAX_SEGMENTS && segments.every((segment) => segment !== "" && segment !== "$index");
  return isUsable ? segments : null;
}

export function findReferenceProblem(operand: unknown, where: string): string | null {
  if (!isReference(operand) || parseReferencePath(operand.$ref) === null) {
    return `${where}$ref takes a path to another field of the event, such as {"$ref": "data.created_at"} (at most ${MAX_SEGMENTS} parts, no $index).`;
  }
  return null;
}

/** The referenced value, or `present: false` when the payload has nothing there. */
export function resolveReference(root: unknown, reference: FieldReference): { present: boolean; value: unknown } {
  let value = root;
  for (const segment of parseReferencePath(reference.$ref) ?? [""]) {
    if (Array.isArray(value) && /^\d+$/.test(segment) && Number(segment) < value.length) {
      value = value[Number(segment)];
    } else if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.hasOwn(value, segment)) {
      value = (value as Record<string, unknown>)[segment];
    } else {
      return { present: false, value: undefined };
    }
  }
  return { present: true, value };
}
