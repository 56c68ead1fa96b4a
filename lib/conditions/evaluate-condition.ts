import { checkOperators } from "./check-operators";
import { CONDITION_LIMITS, type ConditionDocument, isComparisonOperator } from "./condition";
import { describeElement, describeFilter } from "./describe-condition";
import { type Budget, type Context, OUT_OF_STEPS, type Outcome, spend } from "./evaluation-budget";
import { cutText, formatValue, formatWithKind, joinPath } from "./format-condition-value";
import { looseEquals } from "./loose-compare";

// Hand-written rather than a library: no well-kept npm package reproduces Hookdeck's semantics. sift is
// MongoDB's: there a list or an object in the filter must equal the payload's exactly (Hookdeck: "contains
// all", "some element matches partially"), primitives compare strictly, and $regex and $where run user
// patterns and code; and no such library bounds its work. This one walks only the document, reads payload
// values along the document's paths, and charges every node and list element to a step budget, so its cost
// is set by the condition and CONDITION_LIMITS.maxSteps, never by the payload's size or shape.

export type ConditionResult = { matches: true } | { matches: false; reason: string };

const REASON_CHARS = 300;

/**
 * Steps spent so far. One budget may be shared by several evaluations: ingest plans every channel of a
 * webhook with one budget per event, so the conditions of many channels together cost no more than one.
 */
export type ConditionBudget = { steps: number };

// Guards the stack, not the document (the schema caps that at CONDITION_LIMITS.maxDepth): lists of lists in
// the payload add a level each, and a saved condition must still be checked through a few of them.
const MAX_EVALUATION_DEPTH = CONDITION_LIMITS.maxDepth * 4;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function finish(reason: string): string {
  const sentence = reason.startsWith("the event") ? `T${reason.slice(1)}` : reason;
  return cutText(sentence, REASON_CHARS);
}

export function evaluateCondition(
  document: ConditionDocument,
  payload: unknown,
  budget: ConditionBudget = { steps: 0 },
): ConditionResult {
  const isShared = budget.steps > 0;
  const run: Budget = { steps: budget.steps, root: payload };
  try {
    const outcome = check(document, payload, true, "", 1, run, true);
    return outcome === true ? { matches: true } : { matches: false, reason: finish(outcome) };
  } catch (error) {
    if (error === OUT_OF_STEPS) {
      const steps = CONDITION_LIMITS.maxSteps.toLocaleString("en-US");
      if (isShared) {
        return {
          matches: false,
          reason: `The conditions of this webhook's channels need more than ${steps} steps on this event together; this one was stopped.`,
        };
      }
      return { matches: false, reason: `The condition needs more than ${steps} steps on this event and was stopped.` };
    }
    // Unreachable for a document the schema accepted; an event is never lost over it, only not alerted.
    return { matches: false, reason: "The condition could not be checked on this event." };
  } finally {
    budget.steps = run.steps;
  }
}

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
  if (depth > MAX_EVALUATION_DEPTH) {
    return explain
      ? `The condition and this event are nested too deeply to check (over ${MAX_EVALUATION_DEPTH} levels).`
      : "";
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
      outcome = checkOperators(shape.exist, shape.comparisons, value, present, at);
    } else if (key === "$ref") {
      // {"updated_at": {"$ref": "created_at"}}: equal to the other field's value.
      outcome = checkOperators(undefined, [["$eq", filter]], value, present, at);
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
