import { type ContextSource, templateFacts } from "../delivery/template-context";
import { logUnexpected } from "../errors";
import { renderInPool } from "../templates/render-in-pool";

/**
 * The event's alert in one line ("New signup: Ada Lovelace (ada@example.com)"), rendered on the render
 * pool like every alert: the payload is the sender's. Null when it could not be rendered (the pool busy
 * with this project's work, past its deadline, or failing): the line is a convenience, and the event page
 * must show the event without it.
 */
export async function summarizeLoggedEvent(projectId: string, event: ContextSource): Promise<string | null> {
  const { body, ...facts } = event;
  try {
    const result = await renderInPool(projectId, { op: "summary", context: { ...templateFacts(facts), body } });
    return result.summary ?? null;
  } catch (error) {
    logUnexpected("event summary", error);
    return null;
  }
}
