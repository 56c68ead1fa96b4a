import type { Verification } from "./sender";
import { findSender, SENDERS } from "./senders";

// The headers that carry a signature or a shared secret, so the log never keeps a replayable value:
// every registered sender's, plus the one a webhook's own settings name (a Supabase header, Custom HMAC's).

function headersOf(verification: Verification): string[] {
  switch (verification.scheme) {
    case "standard-webhooks":
      return ["svix-signature", "webhook-signature"];
    case "hmac":
      return [verification.header];
    case "token":
      return [verification.header];
  }
}

let known: ReadonlySet<string> | undefined;

/**
 * Every signature header of a sender without settings, and of a sender with settings under its defaults
 * (Supabase's x-webhook-secret): a request that still sends the secret there, to a webhook set to another
 * header, must not leave it in the log either.
 */
export function knownSecretHeaders(): ReadonlySet<string> {
  known ??= new Set(
    SENDERS.flatMap((sender) => {
      if (!sender.config) return headersOf(sender.verification(undefined));
      const defaults = sender.config.safeParse({});
      return defaults.success ? headersOf(sender.verification(defaults.data)) : [];
    }),
  );
  return known;
}

/** The signature header of a webhook whose sender has settings; [] when it has none or they do not parse. */
export function configuredSecretHeaders(provider: string | null, senderConfig: string | null): string[] {
  const sender = findSender(provider);
  if (!sender?.config || senderConfig === null) return [];
  try {
    const parsed = sender.config.safeParse(JSON.parse(senderConfig));
    return parsed.success ? headersOf(sender.verification(parsed.data)) : [];
  } catch {
    return [];
  }
}
