import type { AnySender } from "./sender";

/** What readSenderConfig answers for stored settings that no longer hold (saved by an older version…). */
export const INVALID_SETTINGS = Symbol("invalid sender settings");

/** A webhook's stored sender settings, validated; undefined for senders without settings. */
export function readSenderConfig(sender: AnySender, stored: string | null): unknown {
  if (!sender.config) return undefined;
  try {
    const parsed = sender.config.safeParse(JSON.parse(stored ?? "null"));
    return parsed.success ? parsed.data : INVALID_SETTINGS;
  } catch {
    return INVALID_SETTINGS;
  }
}
