import { subscription, transaction } from "./paddle-entities";
import { adjustment, customer, otherEntity } from "./paddle-other-entities";

// A Paddle Billing notification: the event (`event_id`, `event_type`, `occurred_at`, `data`) and the id of
// this notification, the same on every retry of it. Ids follow `now`, so two test events sent a moment
// apart are two events, not a duplicate. Every call builds new objects.

type Json = Record<string, unknown>;

/** A Paddle-looking 26-character id tail (lower-case base32) that follows `now`. */
function idAt(now: Date, salt: string): string {
  return `01${now.getTime().toString(32)}${salt}hv8x2acma2gz9ybjrj0h`.slice(0, 26);
}

function dataOf(type: string, t: number): Json {
  if (type.startsWith("transaction.")) return transaction(type, t);
  if (type.startsWith("subscription.")) return subscription(type, t);
  if (type.startsWith("customer.")) return customer(t);
  if (type.startsWith("adjustment.")) return adjustment(type, t);
  return otherEntity(type, t);
}

export function samplePaddleEvent(type: string, now: Date): Json {
  return {
    event_id: `evt_${idAt(now, "e")}`,
    event_type: type,
    occurred_at: now.toISOString().replace("Z", "000Z"),
    notification_id: `ntf_${idAt(now, "n")}`,
    data: dataOf(type, now.getTime()),
  };
}
