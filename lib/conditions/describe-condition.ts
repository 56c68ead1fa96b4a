import { isComparisonOperator } from "./condition";
import { isReference } from "./field-reference";
import { cutText, formatList, formatValue, joinPath, previewJson } from "./format-condition-value";

// A condition put in words, for reasons that cannot point at one payload value: "data.email_addresses has no
// element whose email_address ends with "@acme.com"", or what a $not excluded.

const DESCRIPTION_CHARS = 200;

function formatOperand(operand: unknown): string {
  if (isReference(operand)) return `the value of ${cutText(operand.$ref, 60)}`;
  if (operand !== null && typeof operand === "object") return previewJson(operand);
  return formatValue(operand);
}

/** The predicate of one operator: "is greater than 10", "ends with "@acme.com"". */
export function describeOperator(operator: string, operand: unknown): string {
  const isList = Array.isArray(operand);
  switch (operator) {
    case "$eq":
      return `equals ${formatOperand(operand)}`;
    case "$neq":
      return `is not ${formatOperand(operand)}`;
    case "$gt":
      return `is greater than ${formatOperand(operand)}`;
    case "$gte":
      return `is greater than or equal to ${formatOperand(operand)}`;
    case "$lt":
      return `is less than ${formatOperand(operand)}`;
    case "$lte":
      return `is less than or equal to ${formatOperand(operand)}`;
    case "$in":
      return isList ? `is one of ${formatList(operand)}` : `contains ${formatOperand(operand)}`;
    case "$nin":
      return isList ? `is not one of ${formatList(operand)}` : `does not contain ${formatOperand(operand)}`;
    case "$startsWith":
      return `starts with ${formatOperand(operand)}`;
    case "$endsWith":
      return `ends with ${formatOperand(operand)}`;
    case "$exist":
      return operand === false ? "is missing" : "exists";
    default:
      return `uses ${cutText(operator, 40)}`;
  }
}

function subject(path: string, predicate: string): string {
  return path === "" ? predicate : `${path} ${predicate}`;
}

function branches(operand: unknown, path: string, joiner: string): string {
  const list = Array.isArray(operand) ? operand : [operand];
  return list.map((branch) => describeFilter(branch, path)).join(joiner);
}

/** `filter` as a clause about the value at `path` ("" for the value itself: "equals "gift""). */
export function describeFilter(filter: unknown, path: string): string {
  if (filter === null || typeof filter !== "object") return subject(path, `equals ${formatValue(filter)}`);
  if (Array.isArray(filter)) return subject(path, `contains all of ${formatList(filter)}`);
  const record = filter as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record)) {
    const operand = record[key];
    if (key === "$and") parts.push(branches(operand, path, " and "));
    else if (key === "$or") parts.push(`(${branches(operand, path, " or ")})`);
    else if (key === "$not") parts.push(`not (${describeFilter(operand, path)})`);
    else if (key === "$ref") parts.push(subject(path, describeOperator("$eq", record)));
    else if (key.startsWith("$")) parts.push(subject(path, describeOperator(key, operand)));
    else parts.push(describeFilter(operand, joinPath(path, key)));
  }
  if (parts.length === 0) return subject(path, "exists");
  return cutText(parts.join(" and "), DESCRIPTION_CHARS);
}

function isAboutFields(filter: unknown): boolean {
  if (filter === null || typeof filter !== "object" || Array.isArray(filter)) return false;
  return Object.entries(filter).some(
    ([key, operand]) =>
      !key.startsWith("$") ||
      ((key === "$and" || key === "$or") && Array.isArray(operand) && isAboutFields(operand[0])) ||
      (key === "$not" && isAboutFields(operand)),
  );
}

/** What no element of a list satisfied: "whose email_address ends with …", "that is greater than 10". */
export function describeElement(filter: unknown): string {
  if (filter === null || typeof filter !== "object") return `equal to ${formatValue(filter)}`;
  return `${isAboutFields(filter) ? "whose" : "that"} ${describeFilter(filter, "")}`;
}

export function describeOperators(operators: [string, unknown][]): string {
  return operators
    .filter(([key]) => isComparisonOperator(key))
    .map(([key, operand]) => describeOperator(key, operand))
    .join(" and ");
}
