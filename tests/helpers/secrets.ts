import { slackUrlField, webhookSecretField } from "@/lib/crypto/sealed-fields";
import { openNullable } from "@/lib/crypto/secret-box";

/** A webhook row's secrets as plain text; the row itself holds them only encrypted. */
export function webhookSecrets(row: {
  id: string;
  signingSecret: string | null;
  previousSigningSecret: string | null;
}) {
  return {
    signingSecret: openNullable(row.signingSecret, webhookSecretField(row.id, "signingSecret")),
    previousSigningSecret: openNullable(row.previousSigningSecret, webhookSecretField(row.id, "previousSigningSecret")),
  };
}

export function channelSlackUrl(row: { id: string; slackUrl: string | null }): string | null {
  return openNullable(row.slackUrl, slackUrlField(row.id));
}
