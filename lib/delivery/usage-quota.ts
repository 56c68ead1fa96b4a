import type { ChannelKindId } from "../channels/kinds/channel-kind";
import { type Db, type DbOrTx, isUniqueViolation } from "../db/client";
import { type Env, getEnv } from "../env";

export type ChannelKind = ChannelKindId;

// Each kind's monthly allowance per project; a new kind of channel adds its setting (lib/env.ts) here.
const MONTHLY_LIMITS: Record<ChannelKind, (env: Env) => number> = {
  email: (env) => env.HOOKBELL_EMAIL_MONTHLY_LIMIT,
  slack: (env) => env.HOOKBELL_SLACK_MONTHLY_LIMIT,
};

export function usageMonth(now: Date): string {
  return now.toISOString().slice(0, 7);
}

export function monthlyLimit(kind: ChannelKind): number {
  return MONTHLY_LIMITS[kind](getEnv());
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
  return (Object.keys(MONTHLY_LIMITS) as ChannelKind[]).map((kind) => ({
    kind,
    used: rows.find((row) => row.kind === kind)?.count ?? 0,
    limit: monthlyLimit(kind),
  }));
}
