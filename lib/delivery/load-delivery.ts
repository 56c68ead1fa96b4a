import type { Db } from "../db/client";

export type LoadedDelivery = NonNullable<Awaited<ReturnType<typeof loadDelivery>>>;

/** A claimed delivery with what its stages read: the channel's row and the event it alerts about. */
export function loadDelivery(db: Db, id: string) {
  return db.delivery.findUnique({
    where: { id },
    include: {
      channel: true,
      event: {
        select: {
          id: true,
          eventType: true,
          receivedAt: true,
          body: true,
          webhook: { select: { id: true, name: true, environment: true, provider: true } },
        },
      },
    },
  });
}
