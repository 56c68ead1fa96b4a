// "Primitives compare loosely" (Hookdeck): senders are not consistent about `"10"` versus `10`, or `"true"`
// versus `true`, and a condition should not miss an event over it. Hookdeck uses JavaScript's `==`, which
// also makes `"" == 0` and `"1" == true`; these rules keep the useful half and drop the surprising one.

// A numeric text longer than this is not a number anyone filters on; not parsing it keeps a huge payload
// string from costing more than its length check.
const NUMERIC_TEXT_MAX = 40;

function numberFromText(text: string): number | null {
  if (text.length === 0 || text.length > NUMERIC_TEXT_MAX) return null;
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function isComposite(value: unknown): value is object {
  return value !== null && typeof value === "object";
}

/** Equal as primitives: the same value, a number and its text, or a boolean and "true"/"false". */
export function looseEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "string") return numberFromText(b) === a;
  if (typeof a === "string" && typeof b === "number") return numberFromText(a) === b;
  if (typeof a === "boolean" && typeof b === "string") return b === String(a);
  if (typeof a === "string" && typeof b === "boolean") return a === String(b);
  return false;
}

/**
 * Orders `value` against `operand` for $gt/$gte/$lt/$lte: numbers (or numeric texts) numerically, other texts
 * by code unit (so ISO dates order by time); null when they cannot be compared (a type error: no match).
 */
export function compareLoosely(value: unknown, operand: unknown): number | null {
  const left = typeof value === "string" ? (numberFromText(value) ?? value) : value;
  const right = typeof operand === "string" ? (numberFromText(operand) ?? operand) : operand;
  if (typeof left === "number" && typeof right === "number") return Math.sign(left - right);
  if (typeof value === "string" && typeof operand === "string") {
    return value < operand ? -1 : value > operand ? 1 : 0;
  }
  return null;
}

/**
 * Deep equality for $eq/$neq with a list or object operand; `spend` charges one step per node, so a payload
 * object with a million keys costs at most the operand's size before it is found different.
 */
export function deepEquals(value: unknown, operand: unknown, spend: () => void): boolean {
  spend();
  if (!isComposite(operand)) return !isComposite(value) && looseEquals(value, operand);
  if (!isComposite(value)) return false;
  if (Array.isArray(operand)) {
    if (!Array.isArray(value) || value.length !== operand.length) return false;
    return operand.every((item, i) => deepEquals(value[i], item, spend));
  }
  if (Array.isArray(value)) return false;
  const expected = operand as Record<string, unknown>;
  const actual = value as Record<string, unknown>;
  const keys = Object.keys(expected);
  let seen = 0;
  for (const key in actual) {
    if (!Object.hasOwn(actual, key)) continue;
    seen += 1;
    spend();
    if (seen > keys.length || !Object.hasOwn(expected, key)) return false;
  }
  return seen === keys.length && keys.every((key) => deepEquals(actual[key], expected[key], spend));
}
