import { CONDITION_LIMITS, type ConditionDocument, isComparisonOperator } from "./condition";
import { describeElement, describeFilter, describeOperators } from "./describe-condition";
import { cutText, formatList, formatValue, formatWithKind, joinPath } from "./format-condition-value";
import { compareLoosely, deepEquals, looseEquals } from "./loose-compare";

// Hand-written rather than a library: no well-kept npm package reproduces Hookdeck's semantics (sift is
// MongoDB's: a plain value beside an array means something else, there is no "contains all", and it accepts
// $regex and $where), and none bounds its work. This one walks only the document, looks at payload values
// along the document's paths, and charges every node and array element to a step budget, so its cost is
// set by the condition and CONDITION_LIMITS.maxSteps, never by the payload's size or shape.

export type ConditionResult = { matches: true } | { matches: false; reason: string };

const REASON_CHARS = 300;

type Budget = { steps: number };
/** true = matches; otherwise why not ("" when the caller only needs to know, e.g. for one list element). */
type Outcome = true | string;

const OUT_OF_STEPS = Symbol("out of steps");

function spend(budget: Budget, steps = 1): void {
  budget.steps += steps;
  if (budget.steps > CONDITION_LIMITS.maxSteps) throw OUT_OF_STEPS;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function finish(reason: string): string {
  const sentence = reason.startsWith("the event") ? `T${reason.slice(1)}` : reason;
  return cutText(sentence, REASON_CHARS);
}

export function evaluateCondition(document: ConditionDocument, payload: unknown): ConditionResult {
  try {
    const outcome = check(document, payload, true, "", 1, { steps: 0 }, true);
    return outcome === true ? { matches: true } : { matches: false, reason: finish(outcome) };
  } catch (error) {
    if (error === OUT_OF_STEPS) {
      const steps = CONDITION_LIMITS.maxSteps.toLocaleString("en-US");
      return { matches: false, reason: `The condition needs more than ${steps} steps on this event and was stopped.` };
    }
    // Unreachable for a document the schema accepted; an event is never lost over it, only not alerted.
    return { matches: false, reason: "The condition could not be checked on this event." };
  }
}

type Context = { path: string; depth: number; budget: Budget; explain: boolean };

function check(
  filter: unknown,
  value: unknown,
  present: boolean,
  path: string,
  depth: number,
  budget: Budget,
  explain: boolean,
): Outcome {
  spend(budget);
  const at: Context = { path, depth, budget, explain };
  const where = path === "" ? "the event" : path;
  if (depth > CONDITION_LIMITS.maxDepth) {
    return explain ? `The condition is nested more than ${CONDITION_LIMITS.maxDepth} levels deep.` : "";
  }
  if (filter === null || typeof filter !== "object") {
    if (!present) return explain ? `${where} is missing` : "";
    if (Array.isArray(value)) {
      for (const element of value) {
        spend(budget);
        if (looseEquals(element, filter)) return true;
      }
      return explain ? `${where} has no element equal to ${formatValue(filter)}` : "";
    }
    if (looseEquals(value, filter)) return true;
    return explain ? `${where} is ${formatValue(value)}, not ${formatValue(filter)}` : "";
  }
  if (Array.isArray(filter)) {
    if (!present) return explain ? `${where} is missing` : "";
    if (!Array.isArray(value)) return explain ? `${where} is ${formatWithKind(value)}, not a list` : "";
    for (const wanted of filter) {
      if (!hasElement(wanted, value, at)) return explain ? `${where} has no element ${describeElement(wanted)}` : "";
    }
    return true;
  }
  return checkObject(filter as Record<string, unknown>, value, present, at);
}

/** Some element of `list` matches `filter` (each looked at costs a step; reasons are not built for them). */
function hasElement(filter: unknown, list: unknown[], at: Context): boolean {
  for (const element of list) {
    spend(at.budget);
    if (check(filter, element, true, "", at.depth + 1, at.budget, false) === true) return true;
  }
  return false;
}

/** An object of the document, sorted once: its keys, whether it names fields, its comparison operators. */
type Shape = { keys: string[]; hasFields: boolean; exist: unknown; comparisons: [string, unknown][] };

// Evaluation reads the same objects over and over (once per list element, once per event); documents are
// parsed once per channel and never changed afterwards, so their shape is worked out once per object.
const SHAPES = new WeakMap<object, Shape>();

function shapeOf(filter: Record<string, unknown>): Shape {
  let shape = SHAPES.get(filter);
  if (shape === undefined) {
    const keys = Object.keys(filter);
    shape = {
      keys,
      hasFields: keys.some((key) => !key.startsWith("$")),
      exist: filter.$exist,
      comparisons: keys.filter((key) => key !== "$exist" && isComparisonOperator(key)).map((key) => [key, filter[key]]),
    };
    SHAPES.set(filter, shape);
  }
  return shape;
}

function checkObject(filter: Record<string, unknown>, value: unknown, present: boolean, at: Context): Outcome {
  const { explain } = at;
  const where = at.path === "" ? "the event" : at.path;
  const shape = shapeOf(filter);
  if (shape.keys.length === 0) return present ? true : explain ? `${where} is missing` : "";
  // Hookdeck: an object beside a list means "some element matches it", fields and all.
  if (shape.hasFields && present && Array.isArray(value)) {
    if (hasElement(filter, value, at)) return true;
    return explain ? `${where} has no element ${describeElement(filter)}` : "";
  }
  let comparedAlready = false;
  for (const key of shape.keys) {
    const operand = filter[key];
    let outcome: Outcome;
    if (!key.startsWith("$")) {
      outcome = checkField(key, operand, value, present, at);
    } else if (isComparisonOperator(key)) {
      if (comparedAlready) continue;
      comparedAlready = true;
      outcome = checkOperators(shape, value, present, at);
    } else if (key === "$and" || key === "$or" || key === "$not") {
      outcome = checkLogical(key, operand, value, present, at);
    } else {
      outcome = explain ? `${cutText(key, 40)} is not an operator Hookbell supports` : "";
    }
    if (outcome !== true) return outcome;
  }
  return true;
}

function checkField(key: string, filter: unknown, value: unknown, present: boolean, at: Context): Outcome {
  const where = at.path === "" ? "the event" : at.path;
  if (!present) return at.explain ? `${where} is missing` : "";
  if (!isRecord(value)) return at.explain ? `${where} is ${formatWithKind(value)}, not an object` : "";
  // Own keys only: a payload never has an inherited "constructor" or "__proto__" field.
  const hasKey = Object.hasOwn(value, key);
  const childPath = at.explain ? joinPath(at.path, key) : "";
  return check(filter, hasKey ? value[key] : undefined, hasKey, childPath, at.depth + 1, at.budget, at.explain);
}

function checkLogical(key: string, operand: unknown, value: unknown, present: boolean, at: Context): Outcome {
  const { path, depth, budget, explain } = at;
  if (key === "$not") {
    if (check(operand, value, present, "", depth + 1, budget, false) !== true) return true;
    return explain ? `${describeFilter(operand, path)}, which the condition excludes` : "";
  }
  const branches = Array.isArray(operand) ? operand : [operand];
  if (key === "$and") {
    for (const branch of branches) {
      const outcome = check(branch, value, present, path, depth + 1, budget, explain);
      if (outcome !== true) return outcome;
    }
    return true;
  }
  const reasons: string[] = [];
  for (const branch of branches) {
    const outcome = check(branch, value, present, path, depth + 1, budget, explain);
    if (outcome === true) return true;
    reasons.push(outcome);
  }
  return explain ? `None of the alternatives matched: ${reasons.join("; ")}` : "";
}

function checkOperators(shape: Shape, value: unknown, present: boolean, at: Context): Outcome {
  const where = at.path === "" ? "the event" : at.path;
  const explain = at.explain;
  const { exist, comparisons } = shape;
  if (exist === false && present) {
    return explain ? `${where} is present (${formatValue(value)}), but the condition needs it missing` : "";
  }
  if (!present) return exist === false && comparisons.length === 0 ? true : explain ? `${where} is missing` : "";
  if (!Array.isArray(value)) {
    for (const [key, operand] of comparisons) {
      const outcome = checkOperator(key, operand, value, where, at);
      if (outcome !== true) return outcome;
    }
    return true;
  }
  return checkOperatorsOnList(comparisons, value, where, at);
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
  const positives = perElement.filter(([key]) => !(key in NEGATION));
  const quiet: Context = { ...at, explain: false };
  if (positives.length > 0) {
    const found = list.some((element) => {
      spend(at.budget);
      return positives.every(([key, operand]) => checkOperator(key, operand, element, "", quiet) === true);
    });
    if (!found) return at.explain ? `${where} has no element that ${describeOperators(positives)}` : "";
  }
  for (const [key, operand] of perElement.filter(([op]) => op in NEGATION)) {
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
      const expected = isComposite ? cutText(JSON.stringify(operand), 60) : formatValue(operand);
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
