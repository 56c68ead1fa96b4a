// Dates in alerts are always shown in UTC with English month names: the reader's time zone is
// unknown, and the same alert must read the same in every inbox and channel.

export type DateFormat = "datetime" | "date" | "time" | "iso";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Epoch numbers below this are seconds: 1e12 ms is September 2001, 1e12 s is 33 658 AD. */
const SECONDS_BELOW = 1e12;

export function toDate(value: unknown): Date | undefined {
  let date: Date | undefined;
  if (value instanceof Date) date = value;
  else if (typeof value === "number") date = new Date(value < SECONDS_BELOW ? value * 1000 : value);
  else if (typeof value === "string" && /^\d+(\.\d+)?$/.test(value.trim())) return toDate(Number(value));
  else if (typeof value === "string" && value.trim()) date = new Date(value.trim());
  return date && Number.isFinite(date.getTime()) ? date : undefined;
}

/**
 * `value`: epoch seconds or milliseconds, an ISO 8601 string or a Date. Unparseable strings come back
 * unchanged so the reader still sees something; anything else missing or odd gives "".
 */
export function formatDate(value: unknown, format: unknown = "datetime"): string {
  const date = toDate(value);
  if (!date) return typeof value === "string" ? value : "";
  const pad = (n: number) => String(n).padStart(2, "0");
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
  switch (format) {
    case "date":
      return day;
    case "time":
      return time;
    case "iso":
      return date.toISOString();
    default:
      return `${day}, ${time}`;
  }
}
