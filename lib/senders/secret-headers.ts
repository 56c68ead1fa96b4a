import { INVALID_SETTINGS, readSenderConfig } from "./read-sender-config";
import { signatureHeaders } from "./schemes/scheme-headers";
import { findSender, SENDERS } from "./senders";

// The headers that carry a signature or a shared secret, so the log never keeps a replayable value:
// every registered sender's, plus the one a webhook's own settings name (a Supabase header, Custom HMAC's).

let known: ReadonlySet<string> | undefined;

/**
 * Every signature header of a sender without settings, and of a sender with settings under its defaults
 * (Supabase's x-webhook-secret): a request that still sends the secret there, to a webhook set to another
 * header, must not leave it in the log either.
 */
export function knownSecretHeaders(): ReadonlySet<string> {
  known ??= new Set(
    SENDERS.flatMap((sender) => {
      const defaults = readSenderConfig(sender, "{}");
      return defaults === INVALID_SETTINGS ? [] : signatureHeaders(sender.verification(defaults));
    }),
  );
  return known;
}

/** The signature header of a webhook whose sender has settings; [] when it has none or they do not parse. */
export function configuredSecretHeaders(provider: string | null, senderConfig: string | null): string[] {
  const sender = findSender(provider);
  if (!sender?.config) return [];
  const config = readSenderConfig(sender, senderConfig);
  return config === INVALID_SETTINGS ? [] : signatureHeaders(sender.verification(config));
}
