// Senders state durations in seconds (Clerk's lockout_expires_in_seconds: 3600); a reader wants "1 hour".

const UNITS: [seconds: number, one: string, many: string][] = [
  [86_400, "day", "days"],
  [3_600, "hour", "hours"],
  [60, "minute", "minutes"],
  [1, "second", "seconds"],
];

/** Seconds as the two largest whole units: 3600 → "1 hour", 5430 → "1 hour 30 minutes"; "" for non-numbers. */
export function formatDuration(value: unknown): string {
  const seconds = typeof value === "string" && value.trim() ? Number(value) : value;
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) return "";
  let rest = Math.round(seconds);
  const parts: string[] = [];
  for (const [size, one, many] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 && parts.length < 2) parts.push(`${count} ${count === 1 ? one : many}`);
    else if (parts.length > 0) break;
  }
  return parts.length > 0 ? parts.join(" ") : "0 seconds";
}
