import { type ConditionDocument, conditionDocumentSchema } from "../conditions/condition";
import { type ConditionBudget, evaluateCondition } from "../conditions/evaluate-condition";

/** A channel's conditions as the API and the dialog send them: a filter document, or null for none. */
export const ConditionsField = conditionDocumentSchema.nullable();

/** The stored JSON of a channel's conditions; a row that no longer parses is treated as no conditions. */
export function parseStoredConditions(stored: string | null): ConditionDocument | null {
  if (stored === null) return null;
  try {
    const parsed = ConditionsField.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function storedConditions(document: ConditionDocument | null): string | null {
  return document === null || Object.keys(document).length === 0 ? null : JSON.stringify(document);
}

/** Why the channel leaves this payload out, or null when its conditions pass. */
export function failedCondition(
  document: ConditionDocument | null,
  payload: unknown,
  budget?: ConditionBudget,
): string | null {
  if (document === null) return null;
  const result = evaluateCondition(document, payload, budget);
  return result.matches ? null : result.reason;
}

export type { ConditionDocument };
