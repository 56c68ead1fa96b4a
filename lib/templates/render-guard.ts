import { RENDER_MAX_ITERATIONS, RENDER_MAX_LOOP_OUTPUT, RENDER_MAX_MS } from "./limits";
import { RenderProblem } from "./template-error";

// Output caps apply after a render, so on their own they would let nested {{#each}} blocks build a
// huge string first. Loops count against a budget instead, and the render stops as soon as it is
// spent. Rendering is synchronous, so one module-level budget is never shared by two renders.

type Budget = { iterations: number; chars: number; startedAt: number };

let current: Budget | undefined;

export function withRenderBudget<T>(render: () => T): T {
  const previous = current;
  current = { iterations: 0, chars: 0, startedAt: performance.now() };
  try {
    return render();
  } finally {
    current = previous;
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
      throw new RenderProblem(`Rendering took longer than ${RENDER_MAX_MS} ms; simplify the template's loops.`);
    }
    const out = body(...args);
    if (budget && typeof out === "string") {
      budget.chars += out.length;
      if (budget.chars > RENDER_MAX_LOOP_OUTPUT) {
        throw new RenderProblem(
          `Loops produced more than ${RENDER_MAX_LOOP_OUTPUT} characters; the output is too long.`,
        );
      }
    }
    return out;
  }) as F;
}
