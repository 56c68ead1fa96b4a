import { CONDITION_LIMITS } from "./condition";

// What one evaluation carries down the document: the step budget (shared by the whole evaluation), where it
// is in the payload, and whether a failure needs its sentence (not for each list element tried).

/** `root` is the whole payload, where a `$ref` path starts. */
export type Budget = { steps: number; root: unknown };
/** true = matches; otherwise why not ("" when the caller only needs to know, e.g. for one list element). */
export type Outcome = true | string;
export type Context = { path: string; depth: number; budget: Budget; explain: boolean };

export const OUT_OF_STEPS = Symbol("out of steps");

export function spend(budget: Budget, steps = 1): void {
  budget.steps += steps;
  if (budget.steps > CONDITION_LIMITS.maxSteps) throw OUT_OF_STEPS;
}
