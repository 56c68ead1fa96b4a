import { type ContextSource, templateFacts } from "../delivery/template-context";
import { renderInPool } from "../templates/render-in-pool";

/**
 * The event's alert in one line ("New signup: Ada Lovelace (ada@example.com)"), rendered on the render
 * pool like every alert: the payload is the sender's. Null when the pool could not render it in time.
 */
export async function summarizeLoggedEvent(projectId: string, event: ContextSource): Promise<string | null> {
  const { body, ...facts } = event;
  const result = await renderInPool(projectId, { op: "summary", context: { ...templateFacts(facts), body } });
  return result.summary ?? null;
}
