import { z } from "zod";
import { findReferenceProblem, isReferenceLike } from "./field-reference";
import { cutText, formatValue, joinPath } from "./format-condition-value";

/**
 * A channel's condition on the event payload, in Hookdeck's filter syntax: the document mirrors the payload
 * (`{"data": {"plan": "pro"}}`), with `$`-operators where a plain value is not enough. Stored as JSON in
 * `Channel.conditions` and taken as-is by the API, so one shape serves the database, the API and the dialog.
 */
export type ConditionDocument = Record<string, unknown>;

export const COMPARISON_OPERATORS = [
  "$eq",
  "$neq",
  "$gt",
  "$gte",
  "$lt",
  "$lte",
  "$in",
  "$nin",
  "$startsWith",
  "$endsWith",
  "$exist",
] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export const LOGICAL_OPERATORS = ["$and", "$or", "$not"] as const;
export type LogicalOperator = (typeof LOGICAL_OPERATORS)[number];

const COMPARISONS: ReadonlySet<string> = new Set(COMPARISON_OPERATORS);
/** A path to another field of the event, used in place of a value (field-reference.ts). */
export const REFERENCE_OPERATOR = "$ref";
const OPERATORS: ReadonlySet<string> = new Set([...COMPARISON_OPERATORS, ...LOGICAL_OPERATORS, REFERENCE_OPERATOR]);

export function isComparisonOperator(key: string): key is ComparisonOperator {
  return COMPARISONS.has(key);
}

export function isKnownOperator(key: string): boolean {
  return OPERATORS.has(key);
}

export const SUPPORTED_OPERATORS_TEXT = [...COMPARISON_OPERATORS, ...LOGICAL_OPERATORS, REFERENCE_OPERATOR].join(", ");

/**
 * Conditions run on the ingest thread for every event of every channel, so their cost is capped twice: the
 * document when it is saved (depth, parts, size), and each evaluation (steps: one per document node visited
 * on a payload value, one per array element looked at), so a huge payload can never make one tenant's
 * ingest slow for the others.
 */
export const CONDITION_LIMITS: Readonly<{
  maxDepth: number;
  maxNodes: number;
  maxSerializedBytes: number;
  maxSteps: number;
}> = { maxDepth: 16, maxNodes: 500, maxSerializedBytes: 16_384, maxSteps: 10_000 };

/** Longest text (a value or a field name) a condition may hold: enough for an e-mail address or a URL. */
export const MAX_CONDITION_STRING_LENGTH = 1_000;

/**
 * Parses a condition and checks its caps before zod copies anything (a copy made by assignment would turn a
 * `__proto__` key into a prototype); the message names the path, so the dialog and the API can show it as is.
 */
export const conditionDocumentSchema: z.ZodType<ConditionDocument> = z
  .preprocess(
    (input, ctx) => {
      const problem = findConditionProblem(input);
      if (problem === null) return input;
      ctx.addIssue({ code: "custom", message: problem });
      // Already refused: an empty object keeps the record check from adding a second, vaguer message.
      return {};
    },
    z.record(z.string(), z.unknown()),
  )
  .describe(
    'A condition on the payload in Hookdeck\'s filter syntax: it mirrors the payload, e.g. {"type": {"$in": ["user.created"]}, "data": {"public_metadata": {"members": {"$gt": 10}}}}. Operators: ' +
      SUPPORTED_OPERATORS_TEXT +
      ".",
  );

type Walk = { nodes: number; bytes: number };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function at(path: string): string {
  return path === "" ? "" : `${path}: `;
}

/** The first thing wrong with `input` as a condition, in a sentence naming where, or null when it is fine. */
export function findConditionProblem(input: unknown): string | null {
  if (!isPlainObject(input)) {
    return 'A condition must be a JSON object that mirrors the payload, such as {"type": "user.created"}.';
  }
  return checkFilter(input, "", 1, { nodes: 0, bytes: 0 });
}

function count(walk: Walk, bytes: number): string | null {
  walk.nodes += 1;
  walk.bytes += bytes;
  if (walk.nodes > CONDITION_LIMITS.maxNodes) {
    return `The condition has more than ${CONDITION_LIMITS.maxNodes} parts (fields, operators and values); simplify it or split it across channels.`;
  }
  if (walk.bytes > CONDITION_LIMITS.maxSerializedBytes) {
    return `The condition is larger than ${CONDITION_LIMITS.maxSerializedBytes / 1024} KiB as JSON; simplify it or split it across channels.`;
  }
  return null;
}

function checkScalar(value: unknown, path: string, walk: Walk): string | null {
  if (typeof value === "string") {
    if (value.length > MAX_CONDITION_STRING_LENGTH) {
      return `${at(path)}a text of ${value.length.toLocaleString("en-US")} characters is longer than the ${MAX_CONDITION_STRING_LENGTH.toLocaleString("en-US")} a condition may hold.`;
    }
    return count(walk, value.length + 2);
  }
  if (typeof value === "number") {
    return Number.isFinite(value) ? count(walk, String(value).length) : `${at(path)}${value} is not a JSON number.`;
  }
  if (typeof value === "boolean" || value === null) return count(walk, 5);
  return `${at(path)}${typeof value === "object" ? "this object" : `a ${typeof value}`} is not a JSON value.`;
}

function checkKey(key: string, path: string, walk: Walk): string | null {
  if (key === "") return `${at(path)}a field name cannot be empty.`;
  if (key === "__proto__") return `${at(path)}"__proto__" cannot be a field name in a condition.`;
  if (key.length > MAX_CONDITION_STRING_LENGTH) {
    return `${at(path)}a field name of ${key.length.toLocaleString("en-US")} characters is longer than the ${MAX_CONDITION_STRING_LENGTH.toLocaleString("en-US")} a condition may hold.`;
  }
  walk.bytes += key.length + 3;
  return null;
}

function checkDepth(path: string, depth: number): string | null {
  if (depth <= CONDITION_LIMITS.maxDepth) return null;
  return `${at(path)}the condition is nested more than ${CONDITION_LIMITS.maxDepth} levels deep; simplify it.`;
}

/** A value to compare with (the operand of $eq or $neq): any JSON, capped like the rest. */
function checkLiteral(value: unknown, path: string, depth: number, walk: Walk): string | null {
  if (value === null || typeof value !== "object") return checkScalar(value, path, walk);
  const problem = checkDepth(path, depth) ?? count(walk, 2);
  if (problem !== null) return problem;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner = checkLiteral(value[i], `${path}[${i}]`, depth + 1, walk);
      if (inner !== null) return inner;
    }
    return null;
  }
  if (!isPlainObject(value)) return checkScalar(value, path, walk);
  for (const key of Object.keys(value)) {
    const inner = checkKey(key, path, walk) ?? checkLiteral(value[key], joinPath(path, key), depth + 1, walk);
    if (inner !== null) return inner;
  }
  return null;
}

function checkFilter(node: unknown, path: string, depth: number, walk: Walk): string | null {
  if (node === null || typeof node !== "object") return checkScalar(node, path, walk);
  const problem = checkDepth(path, depth) ?? count(walk, 2);
  if (problem !== null) return problem;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const inner = checkFilter(node[i], `${path}[${i}]`, depth + 1, walk);
      if (inner !== null) return inner;
    }
    return null;
  }
  if (!isPlainObject(node)) return checkScalar(node, path, walk);
  let operator: string | null = null;
  let field: string | null = null;
  for (const key of Object.keys(node)) {
    const keyProblem = checkKey(key, path, walk);
    if (keyProblem !== null) return keyProblem;
    let inner: string | null;
    if (!key.startsWith("$")) {
      field ??= key;
      inner = checkFilter(node[key], joinPath(path, key), depth + 1, walk);
    } else if (isComparisonOperator(key)) {
      operator ??= key;
      inner = checkOperand(key, node[key], path, depth + 1, walk);
    } else if (key === REFERENCE_OPERATOR) {
      if (Object.keys(node).length > 1) {
        return `${at(path)}$ref stands alone in its object, as in {"updated_at": {"$ref": "created_at"}}.`;
      }
      inner = findReferenceProblem(node, at(path)) ?? checkScalar(node[key], path, walk);
    } else if (isKnownOperator(key)) {
      inner = checkBranches(key, node[key], path, depth + 1, walk);
    } else {
      return `${at(path)}${cutText(key, 40)} is not an operator Hookbell supports; use one of ${SUPPORTED_OPERATORS_TEXT}.`;
    }
    if (inner !== null) return inner;
  }
  if (operator !== null && field !== null) {
    // Hookdeck silently ignores the fields beside an operator; refusing says so instead of dropping them.
    return `${at(path)}${operator} and the field ${formatValue(field)} cannot share one object; combine them with $and.`;
  }
  return null;
}

function checkOperand(operator: ComparisonOperator, operand: unknown, path: string, depth: number, walk: Walk) {
  const where = at(path);
  if (operator !== "$exist" && isReferenceLike(operand)) {
    return findReferenceProblem(operand, where) ?? checkScalar(operand.$ref, path, walk);
  }
  switch (operator) {
    case "$eq":
    case "$neq":
      return checkLiteral(operand, joinPath(path, operator), depth, walk);
    case "$exist":
      return typeof operand === "boolean" ? count(walk, 5) : `${where}$exist takes true or false.`;
    case "$startsWith":
    case "$endsWith":
      return typeof operand === "string" ? checkScalar(operand, path, walk) : `${where}${operator} takes a text.`;
    case "$gt":
    case "$gte":
    case "$lt":
    case "$lte":
      return typeof operand === "string" || typeof operand === "number"
        ? checkScalar(operand, path, walk)
        : `${where}${operator} takes a number or a text.`;
    case "$in":
    case "$nin": {
      if (typeof operand === "string") return checkScalar(operand, path, walk);
      const usage = `${where}${operator} takes a list of values, such as ["user.created", "user.updated"], or a text to look for.`;
      if (!Array.isArray(operand) || operand.length === 0) return usage;
      for (const value of operand) {
        if (value !== null && typeof value === "object") return usage;
        const inner = checkScalar(value, path, walk);
        if (inner !== null) return inner;
      }
      return null;
    }
  }
}

function checkBranches(operator: string, operand: unknown, path: string, depth: number, walk: Walk): string | null {
  const where = joinPath(path, operator);
  if (operator === "$not") return checkFilter(operand, where, depth, walk);
  if (!Array.isArray(operand) || operand.length === 0) {
    return `${at(path)}${operator} takes a list of conditions, such as [{"type": "user.created"}, {"type": "user.updated"}].`;
  }
  return checkFilter(operand, where, depth, walk);
}
