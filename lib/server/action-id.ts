import { AppError } from "../errors";

/**
 * An id a server action was given. Actions' arguments arrive as the client chose to send them; an object
 * where an id belongs would become a filter in a query (`{ not: "" }` matches every row), so each action
 * reads its ids through this first.
 */
export function actionId(value: unknown): string {
  if (typeof value !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(value)) {
    throw new AppError("bad_request", "That link is not valid; reload the page and try again.");
  }
  return value;
}
