import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { type Bucket, countEventsByBucket } from "../db/event-buckets";
import { getUsage } from "../delivery/usage-quota";
import { eventIdFloor } from "../ids";
import { type Range, rangeStart } from "../log/list-events";

const TOP_TYPES = 6;
export const OTHER_TYPES = "other";

export type Overview = Awaited<ReturnType<typeof getOverview>>;

/** The overview's numbers and chart for one range, all counted in the database. */
export async function getOverview(db: Db, tenant: Tenant, range: Range, now = new Date()) {
  const since = rangeStart(range, now);
  const fromId = eventIdFloor(since);
  const projectId = tenant.projectId;
  const deliveries = (status: string) => db.delivery.count({ where: { projectId, status, createdAt: { gte: since } } });
  const bucket: Bucket = range === "today" ? "hour" : "day";
  const [events, sent, failed, retrying, usage, counts] = await Promise.all([
    db.event.count({ where: { projectId, outcome: "accepted", id: { gte: fromId } } }),
    deliveries("sent"),
    deliveries("failed"),
    deliveries("retrying"),
    getUsage(db, projectId, now),
    countEventsByBucket(db, projectId, fromId, bucket),
  ]);
  return {
    range,
    since,
    totals: { events, sent, failed, retrying },
    usage,
    chart: chartSeries(counts, since, now, bucket),
  };
}

/**
 * One row per hour or day from `since` to `now` (empty ones included, so the time axis is even), with a
 * count per event type: the most frequent types by name, the rest summed as "other".
 */
function chartSeries(
  counts: { bucket: string; eventType: string; count: number }[],
  since: Date,
  now: Date,
  bucket: Bucket,
) {
  const totals = new Map<string, number>();
  for (const row of counts) totals.set(row.eventType, (totals.get(row.eventType) ?? 0) + row.count);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([type]) => type);
  const shown = ranked.slice(0, TOP_TYPES);
  const series = ranked.length > TOP_TYPES ? [...shown, OTHER_TYPES] : shown;

  const step = bucket === "hour" ? 3_600_000 : 86_400_000;
  const width = bucket === "hour" ? 13 : 10;
  const rows = new Map<string, Record<string, number | string>>();
  for (let t = Math.floor(since.getTime() / step) * step; t <= now.getTime(); t += step) {
    const key = new Date(t).toISOString().slice(0, width);
    // Series values first, the axis key last: an event type called "bucket" cannot overwrite the time.
    rows.set(key, { ...Object.fromEntries(series.map((type) => [type, 0])), bucket: key });
  }
  for (const row of counts) {
    const target = rows.get(row.bucket);
    if (!target) continue;
    const type = shown.includes(row.eventType) ? row.eventType : OTHER_TYPES;
    target[type] = Number(target[type] ?? 0) + row.count;
  }
  return { bucket, series, rows: [...rows.values()] };
}
