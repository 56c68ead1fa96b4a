import { channelKindFor, listChannelKinds } from "../channels/kinds/channel-kinds";
import { type Db, type DbOrTx, isUniqueViolation } from "../db/client";
import { getEnv } from "../env";

/** A ChannelKindId, or a kind added to the registry. */
export type ChannelKind = string;

export function usageMonth(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/** Each kind's monthly allowance per project, from its module (a setting in lib/env.ts); 0 for an unknown kind. */
export function monthlyLimit(kind: ChannelKind): number {
  return channelKindFor(kind)?.monthlyLimit(getEnv()) ?? 0;
}

/**
 * Takes one alert from the project's monthly quota for this channel kind; false when it is used up.
 * The conditional increment keeps concurrent workers from overshooting the limit.
 */
export async function reserveQuota(db: Db, projectId: string, kind: ChannelKind, month: string): Promise<boolean> {
  const limit = monthlyLimit(kind);
  const key = { projectId_month_kind: { projectId, month, kind } };
  try {
    await db.usage.upsert({ where: key, create: { projectId, month, kind, count: 0 }, update: {} });
  } catch (error) {
    // Prisma's upsert reads, then creates: on PostgreSQL, two workers starting a month at once both try
    // to create the row. The loser finds it made by the winner, which is all the upsert is for.
    if (!isUniqueViolation(error)) throw error;
  }
  const { count } = await db.usage.updateMany({
    where: { projectId, month, kind, count: { lt: limit } },
    data: { count: { increment: 1 } },
  });
  return count === 1;
}

/** A delivery that failed for good gives its alert back: nobody was alerted. */
export async function releaseQuota(db: DbOrTx, projectId: string, kind: string, month: string): Promise<void> {
  await db.usage.updateMany({ where: { projectId, month, kind, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

export type UsageSummary = { kind: ChannelKind; used: number; limit: number }[];

export async function getUsage(db: Db, projectId: string, now = new Date()): Promise<UsageSummary> {
  const rows = await db.usage.findMany({ where: { projectId, month: usageMonth(now) } });
  return listChannelKinds().map(({ kind }) => ({
    kind,
    used: rows.find((row) => row.kind === kind)?.count ?? 0,
    limit: monthlyLimit(kind),
  }));
}
