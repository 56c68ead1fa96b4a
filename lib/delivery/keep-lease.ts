import type { Db } from "../db/client";
import { logUnexpected } from "../errors";
import type { Fence } from "./settle-delivery";

/** Renews the claim while a send is in progress, so a slow but live send is never taken over. */
export function keepLease(deps: { db: Db; now: () => Date; leaseMs: number }, fence: Fence): NodeJS.Timeout {
  return setInterval(
    () => {
      deps.db.delivery
        .updateMany({ where: fence, data: { nextAttemptAt: new Date(deps.now().getTime() + deps.leaseMs) } })
        .catch((error) => logUnexpected("lease renewal", error));
    },
    Math.max(500, Math.floor(deps.leaseMs / 3)),
  );
}
