import { z } from "zod";

// STAND-IN for lib/conditions (the bounded condition evaluator, built separately). It implements the same
// contract — conditionDocumentSchema, ConditionDocument, evaluateCondition — over a subset of Hookdeck's
// filter semantics, so channels can be wired and tested against it. When lib/conditions lands, this file
// is deleted and lib/channels/channel-conditions.ts imports from there instead.

export type ConditionDocument = Record<string, unknown>;
export type ConditionResult = { matches: true } | { matches: false; reason: string };

const MAX_DEPTH = 16;
const MAX_NODES = 500;

function countNodes(value: unknown, depth: number): number {
  if (depth > MAX_DEPTH) return Number.POSITIVE_INFINITY;
  if (value === null || typeof value !== "object") return 1;
  let total = 1;
  for (const child of Object.values(value)) total += countNodes(child, depth + 1);
  return total;
}

export const conditionDocumentSchema = z
  .record(z.string(), z.unknown())
  .refine((document) => countNodes(document, 0) <= MAX_NODES, {
    message: `Conditions may nest ${MAX_DEPTH} levels and hold ${MAX_NODES} values at most.`,
  });

const WORDS: Record<string, string> = {
  $eq: "equal to",
  $neq: "anything but",
  $gt: "greater than",
  $gte: "at least",
  $lt: "less than",
  $lte: "at most",
  $in: "one of",
  $nin: "none of",
  $startsWith: "starting with",
  $endsWith: "ending with",
};

/** Hookdeck compares primitives loosely ("4" matches 4). */
function looseEquals(a: unknown, b: unknown): boolean {
  // biome-ignore lint/suspicious/noDoubleEquals: loose comparison is the documented semantics
  return a == b;
}

const show = (value: unknown) => (value === undefined ? "missing" : JSON.stringify(value));

function compare(op: string, actual: unknown, expected: unknown): boolean {
  if (actual === undefined) return op === "$neq" || op === "$nin";
  switch (op) {
    case "$eq":
      return looseEquals(actual, expected);
    case "$neq":
      return !looseEquals(actual, expected);
    case "$gt":
    case "$gte":
    case "$lt":
    case "$lte": {
      if (typeof actual !== typeof expected || (typeof actual !== "number" && typeof actual !== "string")) return false;
      const a = actual as number | string;
      const b = expected as number | string;
      return op === "$gt" ? a > b : op === "$gte" ? a >= b : op === "$lt" ? a < b : a <= b;
    }
    case "$in":
    case "$nin": {
      const isIn = Array.isArray(expected)
        ? expected.some((item) => looseEquals(item, actual))
        : typeof expected === "string" && typeof actual === "string" && expected.includes(actual);
      return op === "$in" ? isIn : !isIn;
    }
    case "$startsWith":
      return typeof actual === "string" && typeof expected === "string" && actual.startsWith(expected);
    case "$endsWith":
      return typeof actual === "string" && typeof expected === "string" && actual.endsWith(expected);
    default:
      return false;
  }
}

function check(filter: unknown, value: unknown, path: string, budget: { steps: number }): string | null {
  if (--budget.steps < 0) return "the conditions took too many steps to evaluate.";
  if (filter === null || typeof filter !== "object" || Array.isArray(filter)) {
    if (Array.isArray(value) && !Array.isArray(filter)) {
      return value.some((item) => looseEquals(item, filter)) ? null : `${path} does not contain ${show(filter)}.`;
    }
    return looseEquals(value, filter) ? null : `${path} is ${show(value)}, not ${show(filter)}.`;
  }
  for (const [key, expected] of Object.entries(filter)) {
    if (key === "$and" || key === "$or") {
      const parts = Array.isArray(expected) ? expected : [];
      const reasons = parts.map((part) => check(part, value, path, budget));
      if (key === "$and" && reasons.some(Boolean)) return reasons.find(Boolean) ?? null;
      if (key === "$or" && parts.length > 0 && reasons.every(Boolean)) return reasons.join(" and ");
    } else if (key === "$exist") {
      if ((value !== undefined) !== Boolean(expected))
        return `${path} is ${value === undefined ? "missing" : "present"}.`;
    } else if (key.startsWith("$")) {
      if (!compare(key, value, expected))
        return `${path} is ${show(value)}, not ${WORDS[key] ?? key} ${show(expected)}.`;
    } else {
      const child =
        value !== null && typeof value === "object" && !Array.isArray(value)
          ? (value as Record<string, unknown>)[key]
          : undefined;
      const reason = check(expected, child, path ? `${path}.${key}` : key, budget);
      if (reason) return reason;
    }
  }
  return null;
}

export function evaluateCondition(document: ConditionDocument, payload: unknown): ConditionResult {
  const reason = check(document, payload, "", { steps: 10_000 });
  return reason === null ? { matches: true } : { matches: false, reason };
}
