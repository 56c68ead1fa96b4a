import type { Db } from "../db/client";
import { logUnexpected } from "../errors";
import { type Claim, claimDeliveries, nextDueAt } from "./claim-deliveries";
import { type DeliveryDeps, processDelivery } from "./process-delivery";
import { onWake } from "./wake-workers";

export type WorkerOptions = Omit<DeliveryDeps, "db" | "now" | "leaseMs"> & {
  now?: () => Date;
  /** Deliveries sent at the same time. */
  concurrency?: number;
  /** How long a claim lasts; a worker that dies mid-send loses its claims after this. */
  leaseMs?: number;
  /** The longest an idle worker sleeps; ingest in the same process wakes it at once. */
  pollMs?: number;
  /** false: no background loop; the caller drives it with drain(). */
  autoStart?: boolean;
};

export type DeliveryWorker = {
  /** Resolves when every claim taken so far is finished. */
  stop(): Promise<void>;
  /** Claims and sends what is due now; resolves when those sends are done (tests use it). */
  drain(): Promise<number>;
};

export function startDeliveryWorker(db: Db, options: WorkerOptions): DeliveryWorker {
  const concurrency = options.concurrency ?? 8;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1000;
  const deps: DeliveryDeps = { ...options, db, leaseMs, now: options.now ?? (() => new Date()) };
  const inFlight = new Set<Promise<void>>();
  let isStopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let tickAgain = false;

  const launch = (claim: Claim) => {
    const job = processDelivery(deps, claim)
      .catch((error) => logUnexpected(`delivery ${claim.id}`, error))
      .finally(() => {
        inFlight.delete(job);
        schedule(0);
      });
    inFlight.add(job);
  };

  // One claim round at a time; a wake-up that arrives during a round runs another one right after it.
  const tick = () => {
    if (isStopped) return;
    if (running) {
      tickAgain = true;
      return;
    }
    tickAgain = false;
    running = claimRound().finally(() => {
      running = null;
      if (tickAgain) schedule(0);
    });
  };

  const claimRound = async () => {
    try {
      const claims = await claimDeliveries(db, concurrency - inFlight.size, deps.now(), leaseMs);
      for (const claim of claims) launch(claim);
      if (inFlight.size >= concurrency) return; // a finishing send schedules the next round
      if (claims.length > 0) return schedule(0); // more may be due
      const due = await nextDueAt(db);
      schedule(due ? Math.min(pollMs, Math.max(0, due.getTime() - deps.now().getTime())) : pollMs);
    } catch (error) {
      logUnexpected("delivery worker", error);
      schedule(pollMs);
    }
  };

  function schedule(delayMs: number) {
    if (isStopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delayMs);
  }

  const isLooping = options.autoStart ?? true;
  const unsubscribe = isLooping ? onWake(() => schedule(0)) : () => {};
  if (isLooping) schedule(0);
  else isStopped = true;

  return {
    async stop() {
      isStopped = true;
      clearTimeout(timer);
      unsubscribe();
      // A claim round in progress may still launch sends; wait for it, then for every send.
      await running;
      await Promise.allSettled([...inFlight]);
    },
    async drain() {
      const claims = await claimDeliveries(db, concurrency, deps.now(), leaseMs);
      await Promise.all(claims.map((claim) => processDelivery(deps, claim)));
      return claims.length;
    },
  };
}
