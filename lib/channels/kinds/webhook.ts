import { z } from "zod";
import { channelSecretConfigField } from "../../crypto/sealed-fields";
import { open, seal } from "../../crypto/secret-box";
import type { WebhookRequest } from "../../templates/render-webhook";
import { maskSecret, SigningSecretSchema } from "../../webhooks/signing-secret";
import { generateForwardSecret, previousStillSigns } from "../forward-signature";
import { ForwardUrlSchema, forwardUrlProblem, maskForwardUrl } from "../forward-url";
import { classifyForwardAnswer, type ForwardAnswer, postSignedWebhook } from "../post-signed-webhook";
import type { ChannelConfigColumns, ChannelKindModule } from "./channel-kind";
import { renderAs } from "./render-as";

/**
 * Receivers are anyone's servers, often small ones (a self-hosted n8n, a worker): at most 20 a second per
 * endpoint keeps a burst of events from flooding one, and gives a 429's Retry-After a queue to hold.
 */
export const FORWARD_INTERVAL_MS = 50;

/** What secretConfig holds, sealed: the endpoint and the signing secrets (the previous one during a rotation). */
const ForwardSecrets = z.object({
  url: z.string(),
  signingSecret: z.string(),
  previousSigningSecret: z.string().nullable().default(null),
  /** ISO time until which the previous secret still signs. */
  previousExpiresAt: z.string().nullable().default(null),
});
export type ForwardSecrets = z.infer<typeof ForwardSecrets>;

const ForwardConfig = z.object({
  // The shape only: which addresses it may reach is the worker's setting, checked when it connects.
  url: z
    .string()
    .min(1, "no endpoint URL is saved; save one in the channel's settings.")
    .superRefine((value, ctx) => {
      const problem = forwardUrlProblem(value, true);
      if (problem) ctx.addIssue({ code: "custom", message: `the saved endpoint URL is not usable: ${problem}` });
    }),
  signingSecret: SigningSecretSchema,
  previousSigningSecret: z.string().nullable(),
  previousExpiresAt: z.string().nullable(),
});
export type ForwardConfig = z.infer<typeof ForwardConfig>;

/** The channel's sealed settings, opened; null when none are saved. */
export function openForwardSecrets(channelId: string, secretConfig: string | null | undefined): ForwardSecrets | null {
  if (!secretConfig) return null;
  return ForwardSecrets.parse(JSON.parse(open(secretConfig, channelSecretConfigField(channelId))));
}

export function sealForwardSecrets(channelId: string, secrets: ForwardSecrets): string {
  return seal(JSON.stringify(secrets), channelSecretConfigField(channelId));
}

export const webhookKind: ChannelKindModule<ForwardConfig, WebhookRequest, ForwardAnswer> = {
  kind: "webhook",
  label: "Signed webhook",
  noun: "signed webhook",
  format: "webhook",
  form: {
    title: "Signed webhook",
    blurb:
      "Forward each verified event to your own endpoint (n8n, Zapier, a worker), signed the Standard Webhooks way.",
    fields: [
      {
        name: "url",
        label: "Endpoint URL",
        secret: true,
        placeholder: "https://n8n.example.com/webhook/clerk",
        help: "The https URL your automation or service receives webhooks at (in n8n: the Webhook node's Production URL; in Zapier: Webhooks by Zapier → Catch Raw Hook). Hookbell shows a signing secret once after saving; verify each request with it using any Standard Webhooks library.",
      },
    ],
    parts: [{ part: "body", label: "JSON body (blank: the event as received, in Hookbell's envelope)", rows: 12 }],
  },
  monthlyLimit: (env) => env.HOOKBELL_SIGNED_WEBHOOK_MONTHLY_LIMIT,
  defaultName: () => "Signed webhook",
  createFields: z.strictObject({ url: ForwardUrlSchema }),
  // Left out or blank keeps the saved URL: it is never sent back to the browser to be resubmitted.
  updateFields: z.strictObject({ url: z.union([z.literal(""), ForwardUrlSchema]).optional() }),
  fieldLabels: { url: "endpoint URL" },
  storeFields(channelId, { url }, saved?: ChannelConfigColumns) {
    if (typeof url !== "string" || !url) return {};
    // A new URL keeps the signing secrets: the receiver already holds them. Only a new channel gets one.
    const kept = saved ? openForwardSecrets(channelId, saved.secretConfig) : null;
    const secrets: ForwardSecrets = kept
      ? { ...kept, url }
      : { url, signingSecret: generateForwardSecret(), previousSigningSecret: null, previousExpiresAt: null };
    return {
      config: JSON.stringify({ urlMasked: maskForwardUrl(url) }),
      secretConfig: sealForwardSecrets(channelId, secrets),
    };
  },
  revealOnCreate(columns, channelId) {
    const secrets = openForwardSecrets(channelId, columns.secretConfig);
    if (!secrets) return null;
    return {
      title: "Signing secret",
      value: secrets.signingSecret,
      note: "Copy it now: it is shown only this once. Your endpoint verifies each request's webhook-signature header with it (any Standard Webhooks library); rotate it from the channel's card.",
    };
  },
  describeFields: ({ url }) => (url ? ["new endpoint URL"] : []),
  showConfig(channel) {
    // A channel whose key left the key ring (or whose columns are damaged) still lists, masked as blank;
    // only its own sends fail, with the reason, as for every other kind.
    let shown: { urlMasked?: string } = {};
    let secrets: ForwardSecrets | null = null;
    try {
      shown = channel.config ? (JSON.parse(channel.config) as { urlMasked?: string }) : {};
      secrets = openForwardSecrets(channel.id, channel.secretConfig);
    } catch {
      return { settings: { url: shown.urlMasked ?? "", signingSecret: "" } };
    }
    const now = new Date();
    return {
      settings: {
        url: shown.urlMasked ?? "",
        signingSecret: maskSecret(secrets?.signingSecret) ?? "",
        ...(secrets && previousStillSigns(secrets, now)
          ? {
              previousSigningSecret: maskSecret(secrets.previousSigningSecret) ?? "",
              previousSigningSecretUntil: secrets.previousExpiresAt ?? "",
            }
          : {}),
      },
    };
  },
  readConfig(channel) {
    const secrets = openForwardSecrets(channel.id, channel.secretConfig);
    return secrets ?? { url: "", signingSecret: "", previousSigningSecret: null, previousExpiresAt: null };
  },
  configSchema: ForwardConfig,
  render: renderAs("webhook"),
  // Paced by the URL itself (not its ciphertext): channels forwarding to one endpoint share its pace.
  pacing: { intervalMs: FORWARD_INTERVAL_MS, destination: (config) => config.url },
  send: postSignedWebhook,
  classify: classifyForwardAnswer,
};
