import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";

export type OnboardingStep = { id: "create" | "channel" | "connect" | "test" | "alert"; done: boolean };

/**
 * The getting-started steps, each ticked from real state: for one webhook, or (without webhookId) for
 * the project as a whole, where any webhook counts.
 */
export async function getOnboarding(db: Db, tenant: Tenant, webhookId?: string): Promise<OnboardingStep[]> {
  const scope = { projectId: tenant.projectId, ...(webhookId ? { webhookId } : {}) };
  const webhookScope = { projectId: tenant.projectId, ...(webhookId ? { id: webhookId } : {}) };
  const [webhook, channel, connected, event, alert] = await Promise.all([
    db.webhook.findFirst({ where: webhookScope, select: { id: true } }),
    db.channel.findFirst({ where: { ...scope, isEnabled: true }, select: { id: true } }),
    db.webhook.findFirst({ where: { ...webhookScope, signingSecret: { not: null } }, select: { id: true } }),
    db.event.findFirst({ where: { ...scope, outcome: "accepted" }, select: { id: true } }),
    db.delivery.findFirst({ where: { ...scope, status: "sent" }, select: { id: true } }),
  ]);
  return [
    { id: "create", done: webhook !== null },
    { id: "channel", done: channel !== null },
    { id: "connect", done: connected !== null },
    { id: "test", done: event !== null },
    { id: "alert", done: alert !== null },
  ];
}
