import { z } from "zod";
import { findSender } from "../../senders/senders";
import { EnvironmentSchema, WebhookNameSchema } from "../../webhooks/update-webhook";
import type { WebhookView } from "../../webhooks/webhook-view";
import type { FieldProblem } from "../api-error";
import { iso, NullableTimestamp, Timestamp } from "./common";
import { SenderId } from "./sender";

// Request fields reuse the dashboard's own schemas, so the API accepts exactly what the dashboard does.

const ProviderId = SenderId;

const SenderSettingsSchema = z
  .record(z.string(), z.unknown())
  .describe(
    "The sender's settings, saved with the signing secret (so send both): the fields GET /api/v1/senders lists " +
      "under `settings`. Refused for a sender without settings.",
  );

/** What is wrong with `settings` for this sender, by field path in the request (`sender_settings.header`). */
export function senderSettingsProblems(providerId: string, settings: Record<string, unknown>): FieldProblem[] {
  const sender = findSender(providerId);
  if (!sender) return [];
  if (!sender.config) {
    return Object.keys(settings).length === 0
      ? []
      : [{ path: "sender_settings", message: `${sender.name} has no settings; leave sender_settings out.` }];
  }
  const parsed = sender.config.safeParse(settings);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: ["sender_settings", ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
}

type SettingsBody = { provider?: string; signing_secret?: string; sender_settings?: Record<string, unknown> };

/** Settings travel with the secret; with a provider named, they are checked against that sender here. */
const settingsFitProvider = (body: SettingsBody, ctx: z.RefinementCtx) => {
  if (body.sender_settings === undefined) return;
  if (body.signing_secret === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["sender_settings"],
      message: "Send sender_settings together with the signing secret; they are saved with it.",
    });
    return;
  }
  if (body.provider === undefined) return; // checked against the connected sender by the handler
  for (const problem of senderSettingsProblems(body.provider, body.sender_settings)) {
    ctx.addIssue({ code: "custom", path: problem.path.split("."), message: problem.message });
  }
};

/** Checked against the provider's own rules too (secretFitsProvider; again when saved). */
const SigningSecretSchema = z.string().trim().min(1, "Enter the signing secret.");

/** A secret sent with its provider is checked in that provider's terms (Clerk's starts with whsec_…). */
const secretFitsProvider = (body: { provider?: string; signing_secret?: string }, ctx: z.RefinementCtx) => {
  if (body.provider === undefined || body.signing_secret === undefined) return;
  const problem = findSender(body.provider)?.secret.check(body.signing_secret);
  if (problem) ctx.addIssue({ code: "custom", path: ["signing_secret"], message: problem });
};

const secretNeedsProvider = (body: { provider?: string; signing_secret?: string }, ctx: z.RefinementCtx) => {
  if (body.provider !== undefined && body.signing_secret === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["signing_secret"],
      message: "Send the signing secret together with the provider it belongs to.",
    });
  }
};

export const WebhookCreate = z
  .strictObject({
    name: WebhookNameSchema.optional().describe("Defaults to a random name such as brisk-otter-512."),
    environment: EnvironmentSchema.optional().describe("A label such as production or test (default production)."),
    provider: ProviderId.optional().describe("The sending application; required with signing_secret."),
    signing_secret: SigningSecretSchema.optional().describe(
      "Write-only. The first secret saved activates the webhook; without one it is created inactive.",
    ),
    sender_settings: SenderSettingsSchema.optional(),
  })
  .superRefine((body, ctx) => {
    secretNeedsProvider(body, ctx);
    secretFitsProvider(body, ctx);
    settingsFitProvider(body, ctx);
    if (body.signing_secret !== undefined && body.provider === undefined) {
      ctx.addIssue({ code: "custom", path: ["provider"], message: "Say which application signs with this secret." });
    }
  });

export const WebhookUpdate = z
  .strictObject({
    name: WebhookNameSchema.optional(),
    environment: EnvironmentSchema.optional(),
    provider: ProviderId.optional().describe("Defaults to the provider already connected."),
    signing_secret: SigningSecretSchema.optional().describe(
      "Write-only. Replacing a secret keeps the previous one valid for 24 hours.",
    ),
    sender_settings: SenderSettingsSchema.optional(),
    is_active: z
      .boolean()
      .optional()
      .describe("Activate (needs a saved signing secret) or deactivate: an inactive webhook refuses requests."),
  })
  .superRefine((body, ctx) => {
    secretNeedsProvider(body, ctx);
    secretFitsProvider(body, ctx);
    settingsFitProvider(body, ctx);
  });

export const Webhook = z.object({
  id: z.string(),
  name: z.string(),
  environment: z.string(),
  provider: z.string().nullable(),
  provider_name: z.string().nullable(),
  sender_settings: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe("The sender's saved settings; null for a sender without settings. Never a secret."),
  is_active: z.boolean(),
  url: z.string().describe("The ingest URL to paste into the sending application."),
  secret_hint: z.string().nullable().describe("The saved signing secret, masked: whsec_…abcd."),
  secret_updated_at: NullableTimestamp,
  previous_secret_hint: z.string().nullable().describe("A replaced secret still valid in its 24-hour grace period."),
  previous_secret_expires_at: NullableTimestamp,
  event_count: z.number().int(),
  last_event_at: NullableTimestamp,
  created_at: Timestamp,
});

export const WebhookList = z.object({ data: z.array(Webhook) });

export function toApiWebhook(view: WebhookView): z.input<typeof Webhook> {
  return {
    id: view.id,
    name: view.name,
    environment: view.environment,
    provider: view.provider,
    provider_name: view.providerName,
    sender_settings: view.senderSettings,
    is_active: view.isActive,
    url: view.url,
    secret_hint: view.secretHint,
    secret_updated_at: iso(view.secretUpdatedAt),
    previous_secret_hint: view.previousSecretHint,
    previous_secret_expires_at: iso(view.previousSecretExpiresAt),
    event_count: view.eventCount,
    last_event_at: iso(view.lastEventAt),
    created_at: iso(view.createdAt),
  };
}
