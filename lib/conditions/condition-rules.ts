import type { ComparisonOperator, ConditionDocument } from "./condition";
import { isComparisonOperator } from "./condition";
import { isReferenceLike } from "./field-reference";
import { joinPath } from "./format-condition-value";

// The dialog's builder shows a condition as rows (field, operator, value) combined with all/any; the document
// stays the stored form. One rule becomes a document that mirrors the payload, as Hookdeck writes it
// ({"type": "user.created"}); several become $and/$or of such documents, which keeps their order on the
// way back.

export type ConditionOperator = ComparisonOperator;
/** `path` is dotted as the payload nests: "data.public_metadata.members". */
export type ConditionRule = { path: string; operator: ConditionOperator; value: unknown };
export type ConditionRules = { combine: "all" | "any"; rules: ConditionRule[] };

export const OPERATOR_LABELS: Record<ConditionOperator, string> = {
  $eq: "equals",
  $neq: "does not equal",
  $gt: "is greater than",
  $gte: "is greater than or equal to",
  $lt: "is less than",
  $lte: "is less than or equal to",
  $in: "is one of",
  $nin: "is not one of",
  $startsWith: "starts with",
  $endsWith: "ends with",
  $exist: "exists",
};

function isPrimitive(value: unknown): boolean {
  return value === null || typeof value !== "object";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A data property, never a setter: a path segment "__proto__" stays a key (which the schema then refuses). */
function withKey(key: string, value: unknown): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

function ruleToDocument(rule: ConditionRule): ConditionDocument {
  // A plain value means "equals" (or "contains", on a list), exactly like {"$eq": value}; a list or an object
  // keeps its $eq, since a bare list would mean "contains all".
  let node: unknown =
    rule.operator === "$eq" && isPrimitive(rule.value) ? rule.value : withKey(rule.operator, rule.value);
  const segments = rule.path.split(".");
  for (let i = segments.length - 1; i >= 0; i--) node = withKey(segments[i], node);
  return node as ConditionDocument;
}

export function rulesToDocument(rules: ConditionRules): ConditionDocument {
  if (rules.rules.length === 0) return {};
  if (rules.combine === "all" && rules.rules.length === 1) return ruleToDocument(rules.rules[0]);
  return withKey(rules.combine === "all" ? "$and" : "$or", rules.rules.map(ruleToDocument));
}

/** The rows of a document that mirrors the payload, or null when part of it is not a row. */
function flatRules(node: Record<string, unknown>, path: string): ConditionRule[] | null {
  const keys = Object.keys(node);
  if (keys.length === 0) return null;
  if (keys.some((key) => key.startsWith("$"))) {
    // A value taken from another field ($ref) has no row form.
    if (path === "" || !keys.every(isComparisonOperator) || keys.some((key) => isReferenceLike(node[key]))) return null;
    return keys.map((operator) => ({ path, operator, value: node[operator] }));
  }
  const rules: ConditionRule[] = [];
  for (const key of keys) {
    // A key with a dot would read back as two segments.
    if (key.includes(".")) return null;
    const child = node[key];
    const childPath = joinPath(path, key);
    if (isPrimitive(child)) {
      rules.push({ path: childPath, operator: "$eq", value: child });
      continue;
    }
    const inner = isRecord(child) ? flatRules(child, childPath) : null;
    if (inner === null) return null;
    rules.push(...inner);
  }
  return rules;
}

/** The builder's rows for `document`, or null when it cannot be shown as rows (the dialog then shows JSON). */
export function documentToRules(document: ConditionDocument): ConditionRules | null {
  const keys = Object.keys(document);
  if (keys.length === 0) return { combine: "all", rules: [] };
  const combiner = keys.length === 1 && (keys[0] === "$and" || keys[0] === "$or") ? keys[0] : null;
  if (combiner === null) {
    const rules = flatRules(document, "");
    return rules === null ? null : { combine: "all", rules };
  }
  const branches = document[combiner];
  if (!Array.isArray(branches)) return null;
  const rules: ConditionRule[] = [];
  for (const branch of branches) {
    const inner = isRecord(branch) ? flatRules(branch, "") : null;
    // An "any" row is one rule: a branch of several is all-within-any, which rows cannot show.
    if (inner === null || (combiner === "$or" && inner.length !== 1)) return null;
    rules.push(...inner);
  }
  return { combine: combiner === "$and" ? "all" : "any", rules };
}
