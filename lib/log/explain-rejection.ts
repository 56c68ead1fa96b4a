import type { AnySender } from "../senders/sender";
import { findSender } from "../senders/senders";

// Troubleshooting where it happens: each rejection code in plain words, with the fixes that work, in the
// terms of the webhook's sender (where its secret is, what it sends), following the senders' own
// troubleshooting advice.

export type Explanation = { title: string; fixes: string[] };

type Words = { name: string; secretWhere: string; headers: string };

function wordsOf(sender: AnySender): Words {
  return {
    name: sender.name,
    secretWhere: sender.secret.help,
    headers: sender.marks.length > 0 ? sender.marks.join(", ") : "the signature header set in its settings",
  };
}

const EXPLANATIONS: Record<string, (words: Words) => Explanation> = {
  invalid_signature: (w) => ({
    title: "The signature did not match the saved signing secret",
    fixes: [
      `Copy the secret again from ${w.name} and save it on the webhook page. ${w.secretWhere}`,
      `Make sure the secret comes from the same ${w.name} endpoint whose URL is this webhook's URL: each endpoint has its own secret.`,
      `If you rotated the secret in ${w.name}, save the new one here; the previous one keeps working for 24 hours.`,
      "A proxy in front of Hookbell must pass the body through unchanged; re-encoded JSON no longer matches its signature.",
    ],
  }),
  signature_from_expired_secret: (w) => ({
    title: "Signed with a secret that has been replaced",
    fixes: [
      `${w.name} still uses the previous secret, whose 24-hour grace period is over. Save the secret ${w.name} shows now.`,
    ],
  }),
  timestamp_too_old: (w) => ({
    title: "The request is too old (clock drift or a replay)",
    fixes: [
      "Check that this server's clock is synchronised (NTP); the measured difference is shown above.",
      `A request replayed by hand long after it was sent is refused on purpose; resend it from ${w.name}'s dashboard instead.`,
    ],
  }),
  timestamp_too_new: (_w) => ({
    title: "The request claims to come from the future (clock drift)",
    fixes: ["Synchronise this server's clock (NTP); the measured difference is shown above."],
  }),
  invalid_timestamp: (w) => ({
    title: "The timestamp header is malformed",
    fixes: [
      `The signed timestamp must be a Unix time. Send the request from ${w.name}, or use “Send test event” on the webhook page.`,
    ],
  }),
  missing_headers: (w) => ({
    title: "Signature headers are missing",
    fixes: [
      `Requests from ${w.name} carry its signature headers (${w.headers}); ${w.name} always sends them.`,
      "A proxy or load balancer in front of Hookbell may be dropping headers; pass them through.",
      "To try the webhook by hand, use “Send test event” on the webhook page: it signs the request properly.",
    ],
  }),
  invalid_message_id: (w) => ({
    title: "The message id header is too long",
    fixes: [
      `The id identifies one delivery and is the key that stops duplicates; ids are at most 255 characters. Something other than ${w.name} is posting to this URL, or a proxy rewrites the header.`,
    ],
  }),
  webhook_inactive: (_w) => ({
    title: "The webhook is inactive",
    fixes: [
      "Open the webhook and press Reactivate (or save a signing secret, which activates it).",
      "Most senders retry failed deliveries (Clerk and Stripe for days), so events refused while inactive can arrive once it is active again.",
    ],
  }),
  payload_too_large: (w) => ({
    title: "The body is larger than 256 KiB",
    fixes: [
      `${w.name}'s events are far smaller; something else may be posting to this URL. Check the source IP and user agent in the headers below.`,
    ],
  }),
  rate_limited: (_w) => ({
    title: "Requests arrived faster than this webhook's rate limit",
    fixes: [
      `Refused requests got 429 with Retry-After; senders that retry (Clerk, Stripe, GitHub does not) send them again later.`,
      "If this is real traffic (a bulk import, say), raise HOOKBELL_INGEST_RATE_PER_WEBHOOK or HOOKBELL_INGEST_RATE_PER_IP.",
    ],
  }),
  invalid_payload: (w) => ({
    title: "The body is signed but is not a JSON object",
    fixes: [`Hookbell expects JSON objects (or GitHub's form-encoded payload). Check what ${w.name} posts.`],
  }),
  wrong_sender: (w) => ({
    title: `The request came from another sender than ${w.name}`,
    fixes: [
      `This webhook is connected to ${w.name}; the request carries another sender's signature headers (named above). Paste this webhook's URL only into ${w.name}.`,
      "To alert on the other sender, create a webhook for it and connect it there: each webhook verifies one sender's signatures.",
    ],
  }),
  malformed_signature: (w) => ({
    title: `The signature header is not in ${w.name}'s format`,
    fixes: [
      `The header is there but does not read as a ${w.name} signature (the expected shape is above). A proxy may be rewriting it.`,
    ],
  }),
  sender_settings_invalid: (w) => ({
    title: `The webhook's ${w.name} settings are incomplete`,
    fixes: ["Open the webhook, check its settings in Connect, and save them again with the secret."],
  }),
};

/** The explanation of a rejection code in the words of the webhook's sender (Clerk's when it has none). */
export function explainRejection(code: string | null, senderId?: string | null): Explanation | null {
  const explain = code ? EXPLANATIONS[code] : undefined;
  const sender = findSender(senderId) ?? findSender("clerk");
  return explain && sender ? explain(wordsOf(sender)) : null;
}
