import { RENDER_MAX_ITERATIONS, RENDER_MAX_MS, RENDER_MAX_OUTPUT } from "./limits";
import { RenderProblem } from "./template-error";

// Output caps apply after a render, so on their own they would let nested {{#each}} blocks, or a helper
// such as {{json}} repeated over a large event, build a huge string first. Loop iterations and helper
// output count against a budget instead, as they are produced, and the render stops as soon as it is
// spent. Rendering is synchronous, so one module-level budget is never shared by two renders. The hard
// stop for anything this misses is the render pool's deadline (render-pool.ts).

type Budget = { iterations: number; chars: number; startedAt: number };

let current: Budget | undefined;
let partListener: ((event: PartEvent) => void) | undefined;

/**
 * A job beginning on its thread, or a part's render starting (after its compilation) or ending; the pool's
 * deadline counts only between start and end.
 */
export type PartEvent = { part: string; phase: "begin" | "start" | "end" };

export function withRenderBudget<T>(render: () => T): T {
  const previous = current;
  current = { iterations: 0, chars: 0, startedAt: performance.now() };
  try {
    return render();
  } finally {
    current = previous;
  }
}

/** The render thread learns when each part renders, so the deadline counts rendering and names the part. */
export function onPartRender(listener: ((event: PartEvent) => void) | undefined): void {
  partListener = listener;
}

export function notePartRender(part: string, phase: PartEvent["phase"]): void {
  partListener?.({ part, phase });
}

/** Characters the current render may still produce (Infinity outside a render). */
export function remainingOutput(): number {
  return current ? Math.max(0, RENDER_MAX_OUTPUT - current.chars) : Number.POSITIVE_INFINITY;
}

/** Charges `length` characters of output to the current render; throws once the budget is spent. */
export function chargeOutput(length: number): void {
  const budget = current;
  if (!budget) return;
  budget.chars += length;
  if (budget.chars > RENDER_MAX_OUTPUT) {
    throw new RenderProblem(
      `Loops and helpers produced more than ${RENDER_MAX_OUTPUT} characters; the output is too long.`,
    );
  }
}

/** Wraps a block's body function so each call (one loop iteration) is charged to the current budget. */
export function chargeIterations<F extends (...args: never[]) => unknown>(body: F): F {
  return ((...args: Parameters<F>) => {
    const budget = current;
    if (budget && ++budget.iterations > RENDER_MAX_ITERATIONS) {
      throw new RenderProblem(`Loops ran more than ${RENDER_MAX_ITERATIONS} times; the template repeats too much.`);
    }
    if (budget && performance.now() - budget.startedAt > RENDER_MAX_MS) {
      throw new RenderProblem(`The template took longer than ${RENDER_MAX_MS} ms; simplify its loops.`);
    }
    const out = body(...args);
    if (typeof out === "string") chargeOutput(out.length);
    return out;
  }) as F;
}
