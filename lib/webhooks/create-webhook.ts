import { randomInt } from "node:crypto";
import { recordAudit } from "../audit/record-audit";
import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { newWebhookId } from "../ids";
import { toWebhookView, type WebhookView } from "./webhook-view";

const ADJECTIVES = [
  "amber",
  "brisk",
  "calm",
  "clever",
  "crisp",
  "eager",
  "gentle",
  "lucky",
  "quiet",
  "swift",
  "bold",
  "bright",
];
const NOUNS = [
  "falcon",
  "harbor",
  "meadow",
  "comet",
  "lantern",
  "otter",
  "ridge",
  "willow",
  "beacon",
  "summit",
  "river",
  "maple",
];

export function randomWebhookName(): string {
  return `${ADJECTIVES[randomInt(ADJECTIVES.length)]}-${NOUNS[randomInt(NOUNS.length)]}-${randomInt(100, 1000)}`;
}

/** New webhooks start inactive: they accept nothing until an application is connected with its secret. */
export async function createWebhook(db: Db, tenant: Tenant, name?: string): Promise<WebhookView> {
  const row = await db.webhook.create({
    data: {
      id: newWebhookId(),
      projectId: tenant.projectId,
      name: name?.trim() || randomWebhookName(),
      isActive: false,
    },
  });
  await recordAudit(db, tenant, {
    action: "webhook.created",
    targetType: "webhook",
    targetId: row.id,
    summary: `Created webhook “${row.name}”.`,
  });
  return toWebhookView(row);
}
