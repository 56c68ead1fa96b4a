import type { CustomHmacConfig } from "./custom-hmac-config";

// A generic event for previews and test events: an id, the time, some data, and the event type at the
// field the webhook's settings name (`type`, or a nested path such as `event.name`). New objects every call.

export function sampleCustomHmacEvent(
  eventType: string,
  now: Date,
  config?: Pick<CustomHmacConfig, "typeField">,
): Record<string, unknown> {
  const event: Record<string, unknown> = {
    id: "evt_01JF8Q2M4N6P8R0T2V4X6Z8B0D",
    created_at: now.toISOString(),
    data: { id: "obj_7Hk2Lm9Np4Qr6St8", object: eventType.split(/[./]/)[0] || "object", status: "active" },
  };
  setPath(event, config?.typeField ?? "type", eventType);
  return event;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node[key] = next !== null && typeof next === "object" && !Array.isArray(next) ? next : {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}
