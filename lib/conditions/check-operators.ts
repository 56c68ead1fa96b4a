import { describeOperators } from "./describe-condition";
import { type Context, type Outcome, spend } from "./evaluation-budget";
import { isReference, resolveReference } from "./field-reference";
import { cutText, formatList, formatValue, formatWithKind, previewJson } from "./format-condition-value";
import { compareLoosely, deepEquals, looseEquals } from "./loose-compare";

/** The comparison operators of one object ($exist apart, since it is about presence) on the value there. */
export function checkOperators(
  exist: unknown,
  comparisons: [string, unknown][],
  value: unknown,
  present: boolean,
  at: Context,
): Outcome {
  const where = at.path === "" ? "the event" : at.path;
  const explain = at.explain;
  const resolved = resolveOperands(comparisons, at);
  if (typeof resolved === "string") return resolved;
  if (exist === false && present) {
    return explain ? `${where} is present (${formatValue(value)}), but the condition needs it missing` : "";
  }
  if (!present) return exist === false && resolved.length === 0 ? true : explain ? `${where} is missing` : "";
  if (!Array.isArray(value)) {
    for (const [key, operand] of resolved) {
      const outcome = checkOperator(key, operand, value, where, at);
      if (outcome !== true) return outcome;
    }
    return true;
  }
  return checkOperatorsOnList(resolved, value, where, at);
}

/** Operands given as {"$ref": path} replaced by the referenced values, or why one cannot be. */
function resolveOperands(comparisons: [string, unknown][], at: Context): [string, unknown][] | string {
  if (!comparisons.some(([, operand]) => isReference(operand))) return comparisons;
  const resolved: [string, unknown][] = [];
  for (const [key, operand] of comparisons) {
    if (!isReference(operand)) {
      resolved.push([key, operand]);
      continue;
    }
    spend(at.budget);
    const target = resolveReference(at.budget.root, operand);
    if (!target.present)
      return at.explain ? `${cutText(operand.$ref, 100)} is missing, so nothing to compare with` : "";
    resolved.push([key, target.value]);
  }
  return resolved;
}

const NEGATION: Record<string, string> = { $neq: "$eq", $nin: "$in" };

/**
 * On a list, as a plain value there: the positive operators must hold together for some element ("contains
 * one between 5 and 10"), and $neq/$nin for none ("does not contain"); $eq/$neq with a list or an object
 * compare the whole list.
 */
function checkOperatorsOnList(operators: [string, unknown][], list: unknown[], where: string, at: Context): Outcome {
  const isWhole = ([key, operand]: [string, unknown]) =>
    (key === "$eq" || key === "$neq") && operand !== null && typeof operand === "object";
  for (const [key, operand] of operators.filter(isWhole)) {
    const outcome = checkOperator(key, operand, list, where, at);
    if (outcome !== true) return outcome;
  }
  const perElement = operators.filter((op) => !isWhole(op));
  const positives = perElement.filter(([key]) => !Object.hasOwn(NEGATION, key));
  const quiet: Context = { ...at, explain: false };
  if (positives.length > 0) {
    const found = list.some((element) => {
      spend(at.budget);
      return positives.every(([key, operand]) => checkOperator(key, operand, element, "", quiet) === true);
    });
    if (!found) return at.explain ? `${where} has no element that ${describeOperators(positives)}` : "";
  }
  for (const [key, operand] of perElement.filter(([op]) => Object.hasOwn(NEGATION, op))) {
    const excluded = list.find((element) => {
      spend(at.budget);
      return checkOperator(NEGATION[key], operand, element, "", quiet) === true;
    });
    if (excluded !== undefined) {
      return at.explain ? `${where} contains ${formatValue(excluded)}, which the condition excludes` : "";
    }
  }
  return true;
}

const ORDER_WORDS: Record<string, [string, (order: number) => boolean]> = {
  $gt: ["greater than", (order) => order > 0],
  $gte: ["greater than or equal to", (order) => order >= 0],
  $lt: ["less than", (order) => order < 0],
  $lte: ["less than or equal to", (order) => order <= 0],
};

function checkOperator(key: string, operand: unknown, value: unknown, where: string, at: Context): Outcome {
  const explain = at.explain;
  const shown = explain ? formatValue(value) : "";
  const isComposite = operand !== null && typeof operand === "object";
  switch (key) {
    case "$eq":
    case "$neq": {
      const equal = isComposite
        ? deepEquals(value, operand, () => spend(at.budget))
        : value !== null && typeof value === "object"
          ? false
          : looseEquals(value, operand);
      if (equal === (key === "$eq")) return true;
      if (!explain) return "";
      if (key === "$neq") return `${where} is ${shown}, which the condition excludes`;
      const expected = isComposite ? previewJson(operand) : formatValue(operand);
      return `${where} is ${shown}, not ${isComposite ? "equal to " : ""}${expected}`;
    }
    case "$gt":
    case "$gte":
    case "$lt":
    case "$lte": {
      const order = compareLoosely(value, operand);
      if (order === null) {
        return explain
          ? `${where} is ${formatWithKind(value)}, which cannot be compared with ${formatValue(operand)}`
          : "";
      }
      const [words, holds] = ORDER_WORDS[key];
      if (holds(order)) return true;
      return explain ? `${where} is ${shown}, not ${words} ${formatValue(operand)}` : "";
    }
    case "$in":
    case "$nin":
      return checkMembership(key, operand, value, where, at);
    case "$startsWith":
    case "$endsWith": {
      if (typeof value !== "string" || typeof operand !== "string") {
        return explain ? `${where} is ${formatWithKind(value)}, not a text` : "";
      }
      const holds = key === "$startsWith" ? value.startsWith(operand) : value.endsWith(operand);
      if (holds) return true;
      const verb = key === "$startsWith" ? "start" : "end";
      return explain ? `${where} is ${shown}, which does not ${verb} with ${formatValue(operand)}` : "";
    }
    default:
      return explain ? `${cutText(key, 40)} is not an operator Hookbell supports` : "";
  }
}

function checkMembership(key: string, operand: unknown, value: unknown, where: string, at: Context): Outcome {
  const explain = at.explain;
  const wantsIn = key === "$in";
  if (typeof operand === "string") {
    if (typeof value !== "string") return explain ? `${where} is ${formatWithKind(value)}, not a text` : "";
    // A substring search reads the payload's text: charged by its length, so a megabyte string is refused.
    spend(at.budget, Math.ceil(value.length / 1024));
    if (value.includes(operand) === wantsIn) return true;
    const verb = wantsIn ? "does not contain" : "contains";
    return explain ? `${where} is ${formatValue(value)}, which ${verb} ${formatValue(operand)}` : "";
  }
  if (!Array.isArray(operand)) return explain ? `${key} takes a list of values or a text` : "";
  if (value !== null && typeof value === "object") {
    return explain ? `${where} is ${formatValue(value)}, which cannot be looked up in a list` : "";
  }
  spend(at.budget, operand.length);
  const isIn = operand.some((candidate) => looseEquals(value, candidate));
  if (isIn === wantsIn) return true;
  if (!explain) return "";
  const shown = formatValue(value);
  return wantsIn
    ? `${where} is ${shown}, not one of ${formatList(operand)}`
    : `${where} is ${shown}, one of the excluded values ${formatList(operand)}`;
}
