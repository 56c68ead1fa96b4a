// Resend webhook payloads shaped like the examples on resend.com/docs/dashboard/webhooks/event-types and
// the `resend` SDK's WebhookEventPayload types: `{ type, created_at, data }`. Every call builds new objects.

type Json = Record<string, unknown>;

const EMAIL_ID = "56761188-7520-42d8-8898-ff6fc54ce618";
const MINUTE = 60_000;

function email(t: number): Json {
  return {
    broadcast_id: "8b146471-e88e-4322-86af-016cd36fd216",
    created_at: new Date(t - MINUTE).toISOString().replace("Z", "+00:00"),
    email_id: EMAIL_ID,
    message_id: "<0102019a8f5e6c1d-3b7e1f2a-9c4d-4e8b-a1f6-5d2c7b9e0a3f-000000@email.amazonses.com>",
    from: "Acme <onboarding@resend.dev>",
    to: ["delivered@resend.dev"],
    subject: "Confirm your email address",
    template_id: "43f68331-0622-4e15-8202-246a0388854b",
    tags: { category: "confirm_email" },
  };
}

const EMAIL_EXTRAS: Record<string, (t: number) => Json> = {
  "email.bounced": () => ({
    bounce: {
      message:
        "The recipient's email address is on the suppression list because it has a recent history of producing hard bounces.",
      subType: "Suppressed",
      type: "Permanent",
    },
  }),
  "email.clicked": (t) => ({
    click: {
      ipAddress: "192.0.2.10",
      link: "https://resend.com",
      timestamp: new Date(t).toISOString(),
      userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0",
    },
  }),
  "email.failed": () => ({ failed: { reason: "reached_daily_quota" } }),
  "email.suppressed": () => ({
    suppressed: {
      message: "The recipient has previously unsubscribed or been marked as a bounce.",
      type: "OnAccountSuppressionList",
    },
  }),
};

function receivedEmail(t: number): Json {
  return {
    email_id: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
    created_at: new Date(t).toISOString(),
    from: "Ada Lovelace <ada@example.com>",
    to: ["support@acme.dev"],
    bcc: [],
    cc: [],
    received_for: ["support@acme.dev"],
    message_id: "<CAF=ada.1234@mail.example.com>",
    subject: "Question about my invoice",
    attachments: [],
  };
}

function contact(t: number, created: number): Json {
  return {
    id: "e169aa45-1ecf-4183-9955-b1499d5701d3",
    audience_id: "78261eea-8f8b-4381-83c6-79fa7120f1cf",
    segment_ids: ["78261eea-8f8b-4381-83c6-79fa7120f1cf"],
    created_at: new Date(created).toISOString(),
    updated_at: new Date(t).toISOString(),
    email: "steve.wozniak@gmail.com",
    first_name: "Steve",
    last_name: "Wozniak",
    unsubscribed: false,
  };
}

function domain(t: number, status: string): Json {
  const records = (state: string) => [
    {
      record: "SPF",
      name: "send",
      type: "MX",
      ttl: "Auto",
      status: state,
      value: "feedback-smtp.us-east-1.amazonses.com",
      priority: 10,
    },
    {
      record: "SPF",
      name: "send",
      value: '"v=spf1 include:amazonses.com ~all"',
      type: "TXT",
      ttl: "Auto",
      status: state,
    },
    {
      record: "DKIM",
      name: "resend._domainkey",
      value: "p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDVzL1f",
      type: "TXT",
      status: state,
      ttl: "Auto",
    },
  ];
  return {
    id: "d91cd9bd-1176-453e-8fc1-35364d380206",
    name: "example.com",
    status,
    created_at: new Date(t - (status === "not_started" ? 0 : 10 * MINUTE)).toISOString(),
    region: "us-east-1",
    records: records(status === "verified" ? "verified" : status),
  };
}

function sampleData(type: string, t: number): Json {
  const [family, action] = type.split(".");
  if (type === "email.received") return receivedEmail(t);
  if (family === "contact") return contact(t, action === "created" ? t : t - 30 * 24 * 60 * MINUTE);
  if (family === "domain") return domain(t, action === "created" ? "not_started" : "verified");
  return { ...email(t), ...EMAIL_EXTRAS[type]?.(t) };
}

/** A Resend event of `type` created at `now`; an unknown type gets an email, the most common subject. */
export function sampleResendEvent(type: string, now: Date = new Date()): Json {
  const t = Number.isFinite(now.getTime()) ? now.getTime() : Date.now();
  return { type, created_at: new Date(t).toISOString(), data: sampleData(type, t) };
}
