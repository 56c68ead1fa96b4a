import { type ConditionDocument, conditionDocumentSchema } from "@/lib/conditions/condition";
import { type ConditionOperator, documentToRules, rulesToDocument } from "@/lib/conditions/condition-rules";
import type { PayloadFieldType } from "@/lib/conditions/list-payload-fields";

// The builder's state. Rows keep what was typed (a value stays as text until it is read against its field's
// type), so a half-typed "1," is never rewritten under the cursor; the document is derived on every change.

export type DraftRow = {
  key: number;
  path: string;
  operator: ConditionOperator;
  /** The value as typed; for $in/$nin a comma-separated list, for $exist "true" or "false". */
  value: string;
  /**
   * The field's type (from the picked field, or the saved value's): numbers stay numbers. Kept on the row, so a
   * saved 10 stays a number before the fields load.
   */
  hint?: PayloadFieldType;
};

export type ConditionsDraft = {
  mode: "rows" | "json";
  combine: "all" | "any";
  rows: DraftRow[];
  text: string;
  /** Why the document cannot be shown as rows, when it cannot. */
  jsonOnly: string | null;
};

export type DerivedConditions = { document: ConditionDocument | null; problem: string | null };

const NUMERIC_OPERATORS = new Set<ConditionOperator>(["$gt", "$gte", "$lt", "$lte"]);
const JSON_ONLY =
  "This condition uses $not, or nests “all” inside “any”, which rows cannot show; it is edited as JSON.";

let nextKey = 1;
export function newRow(path = ""): DraftRow {
  return { key: nextKey++, path, operator: "$eq", value: "" };
}

function textOf(value: unknown): string {
  if (Array.isArray(value))
    return value.map((item) => (typeof item === "string" ? item : JSON.stringify(item))).join(", ");
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function hintOf(value: unknown): PayloadFieldType | undefined {
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  return value === null ? "null" : undefined;
}

/** The dialog's starting draft for a saved document (or none). */
export function draftFromDocument(document: ConditionDocument | null): ConditionsDraft {
  const text = document ? JSON.stringify(document, null, 2) : "";
  const rules = documentToRules(document ?? {});
  if (rules === null) return { mode: "json", combine: "all", rows: [], text, jsonOnly: JSON_ONLY };
  return {
    mode: "rows",
    combine: rules.combine,
    rows: rules.rules.map((rule) => ({
      key: nextKey++,
      path: rule.path,
      operator: rule.operator,
      value: textOf(rule.value),
      hint: hintOf(Array.isArray(rule.value) ? rule.value[0] : rule.value),
    })),
    text,
    jsonOnly: null,
  };
}

/** One typed value as its field holds it: a number stays a number where the field is one. */
function readScalar(text: string, type: PayloadFieldType | undefined, operator: ConditionOperator): unknown {
  const trimmed = text.trim();
  const numeric = trimmed !== "" && Number.isFinite(Number(trimmed));
  if (numeric && (type === "number" || (type === undefined && NUMERIC_OPERATORS.has(operator)))) return Number(trimmed);
  if (type === "boolean" && (trimmed === "true" || trimmed === "false")) return trimmed === "true";
  if (type === "null" && trimmed === "null") return null;
  return text;
}

export function readRowValue(row: DraftRow, type: PayloadFieldType | undefined): unknown {
  if (row.operator === "$exist") return row.value !== "false";
  if (row.operator === "$in" || row.operator === "$nin") {
    return row.value
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== "")
      .map((item) => readScalar(item, type, row.operator));
  }
  return readScalar(row.value, type, row.operator);
}

function validate(value: unknown): DerivedConditions {
  // The same schema the server applies, so what passes here is what gets saved.
  const parsed = conditionDocumentSchema.safeParse(value);
  if (!parsed.success) return { document: null, problem: parsed.error.issues[0]?.message ?? "Not a valid condition." };
  return { document: Object.keys(parsed.data).length === 0 ? null : parsed.data, problem: null };
}

/** The JSON view's text as a document: blank is "no conditions". */
export function parseConditionsText(text: string): DerivedConditions {
  if (!text.trim()) return { document: null, problem: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { document: null, problem: "Not valid JSON: check quotes, commas and brackets." };
  }
  return validate(value);
}

export function rowsToDocument(draft: Pick<ConditionsDraft, "combine" | "rows">): DerivedConditions {
  const missing = draft.rows.findIndex((row) => row.path.trim() === "");
  if (missing >= 0) return { document: null, problem: `Choose a field for condition ${missing + 1}.` };
  const rules = draft.rows.map((row) => ({
    path: row.path.trim(),
    operator: row.operator,
    value: readRowValue(row, row.hint),
  }));
  return validate(rulesToDocument({ combine: draft.combine, rules }));
}

export function deriveConditions(draft: ConditionsDraft): DerivedConditions {
  return draft.mode === "json" ? parseConditionsText(draft.text) : rowsToDocument(draft);
}
