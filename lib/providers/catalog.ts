// The applications a webhook can connect to. Adding a sender that signs the Standard Webhooks way
// (Svix-style `whsec_` secrets) is a new entry here, not a new code path.

export type Provider = {
  id: string;
  name: string;
  /** How requests are verified; every provider so far uses Svix / Standard Webhooks signatures. */
  verification: "standard-webhooks";
  /** Where the user finds the signing secret, shown beside the secret field. */
  secretHelp: string;
  /** Where the user pastes Hookbell's webhook URL, shown beside the URL. */
  urlHelp: string[];
  docsUrl?: string;
};

export const PROVIDERS: readonly Provider[] = [
  {
    id: "clerk",
    name: "Clerk",
    verification: "standard-webhooks",
    secretHelp:
      "In the Clerk Dashboard open Configure → Webhooks, select your endpoint, and press Reveal next to Signing Secret.",
    urlHelp: [
      "Open the Clerk Dashboard and select your application.",
      "Go to Configure → Webhooks and press Add Endpoint.",
      "Paste the Webhook URL above as the Endpoint URL, pick the events to send, and press Create.",
    ],
    docsUrl: "https://clerk.com/docs/webhooks/overview",
  },
  {
    id: "standard-webhooks",
    name: "Other Standard Webhooks sender",
    verification: "standard-webhooks",
    secretHelp: "Paste the endpoint's signing secret; it starts with whsec_.",
    urlHelp: ["Register the Webhook URL above as the endpoint in the sending application."],
    docsUrl: "https://www.standardwebhooks.com/",
  },
];

export function findProvider(id: string | null | undefined): Provider | undefined {
  return PROVIDERS.find((provider) => provider.id === id);
}
