import type { SealedField } from "./secret-box";

// The columns that hold secrets, each sealed with its row's identity as associated data.

export function webhookSecretField(id: string, column: "signingSecret" | "previousSigningSecret"): SealedField {
  return { table: "Webhook", column, id };
}

export function slackUrlField(channelId: string): SealedField {
  return { table: "Channel", column: "slackUrl", id: channelId };
}

/** A channel kind's credentials (lib/channels/kinds/): one sealed JSON object per channel. */
export function channelSecretConfigField(channelId: string): SealedField {
  return { table: "Channel", column: "secretConfig", id: channelId };
}
