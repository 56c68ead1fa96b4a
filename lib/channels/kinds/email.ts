import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { z } from "zod";
import { formatCount } from "../../format/format-count";
import { newTimeOrderedId } from "../../ids";
import type { RenderedEmail } from "../../templates/render-email";
import { Recipients } from "../channel-input";
import type { ChannelKindModule } from "./channel-kind";
import { renderAs } from "./render-as";
import { clip, type SendResult } from "./send-result";

const EmailConfig = z.object({
  recipients: z
    .array(z.email("a saved recipient is not a valid email address; correct it in the channel's settings."))
    .min(1, "the channel has no recipients; add at least one address in its settings."),
});
type EmailConfig = z.infer<typeof EmailConfig>;

/** What the mail server (or the Dev mailbox) made of a message. Error text is already free of credentials. */
export type EmailAnswer =
  | { kind: "accepted"; response: string; rejected: string[] }
  | { kind: "kept" }
  | { kind: "error"; code?: string; responseCode?: number; message: string };

export const emailKind: ChannelKindModule<EmailConfig, RenderedEmail, EmailAnswer> = {
  kind: "email",
  label: "Email",
  noun: "email",
  format: "email",
  form: {
    title: "Email notifications",
    blurb: "For critical alerts that need attention. Lower monthly limit.",
    fields: [
      {
        name: "recipients",
        label: "Recipients",
        secret: false,
        placeholder: "alerts@example.com, oncall@example.com",
        help: "One or more addresses, separated by commas.",
      },
    ],
    parts: [
      { part: "title", label: "Subject", rows: 2 },
      { part: "body", label: "HTML body", rows: 10 },
      { part: "text", label: "Plain-text body", rows: 6 },
    ],
  },
  notice: (env) =>
    env.SMTP_URL
      ? null
      : {
          text: "No SMTP server is configured, so emails are kept in the Dev mailbox instead of being sent. Set SMTP_URL to send real email.",
          link: { href: "/mailbox", label: "Dev mailbox" },
        },
  monthlyLimit: (env) => env.HOOKBELL_EMAIL_MONTHLY_LIMIT,
  defaultName: () => "Email",
  createFields: z.strictObject({ recipients: Recipients }),
  updateFields: z.strictObject({ recipients: Recipients.optional() }),
  fieldLabels: { recipients: "recipients" },
  storeFields: (_channelId, { recipients }) =>
    recipients === undefined ? {} : { recipients: JSON.stringify(recipients) },
  describeFields: ({ recipients }) => (Array.isArray(recipients) ? [formatCount(recipients.length, "recipient")] : []),
  showConfig(channel) {
    const recipients = channel.recipients ? (JSON.parse(channel.recipients) as string[]) : [];
    return { recipients, settings: { recipients: recipients.join(", ") } };
  },
  // The API has always taken recipients as a list; the form's field is the same addresses in one string.
  apiFields: {
    recipients: z
      .array(z.string().max(320))
      .max(100)
      .transform((addresses) => addresses.join(", "))
      .describe("Email addresses, at most 20."),
  },
  readConfig(channel) {
    try {
      return { recipients: JSON.parse(channel.recipients ?? "[]") };
    } catch {
      return { recipients: null };
    }
  },
  configSchema: EmailConfig,
  render: renderAs("email"),
  async send(email, { recipients }, deps) {
    if (!deps.smtpUrl) {
      await deps.db.mailboxMessage.create({
        data: {
          id: newTimeOrderedId("msg", deps.now().getTime()),
          projectId: deps.projectId,
          deliveryId: deps.deliveryId,
          recipients: JSON.stringify(recipients),
          createdAt: deps.now(),
          ...email,
        },
      });
      return { kind: "kept" };
    }
    return sendOverSmtp(deps.smtpUrl, deps.smtpFrom, recipients, email);
  },
  classify: classifyEmailAnswer,
};

export function classifyEmailAnswer(answer: EmailAnswer): SendResult {
  if (answer.kind === "kept") {
    return { outcome: "sent", response: "Stored in the Dev mailbox (no SMTP server is configured)." };
  }
  if (answer.kind === "accepted") {
    if (answer.rejected.length > 0) {
      // Accepted recipients got the message; resending would duplicate it for them.
      return { outcome: "sent", response: `${answer.response} (refused by the server: ${answer.rejected.join(", ")})` };
    }
    return { outcome: "sent", response: answer.response };
  }
  const { code, responseCode: statusCode, message } = answer;
  // RFC 5321: 5yz replies are permanent, 4yz and connection errors transient. Bad credentials stay bad.
  const isPermanent =
    code === "EAUTH" || (statusCode !== undefined && statusCode >= 500) || (code === "EENVELOPE" && !statusCode);
  if (isPermanent) {
    return { outcome: "failed", statusCode, error: `The mail server refused the message: ${message}` };
  }
  return { outcome: "retry", statusCode, error: `Could not send through the mail server: ${message}` };
}

let cached: { url: string; transporter: Transporter } | undefined;

function transporterFor(smtpUrl: string): Transporter {
  if (cached?.url !== smtpUrl) {
    cached?.transporter.close();
    cached = {
      url: smtpUrl,
      transporter: nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
        // Message content comes from user templates: nothing in it may make nodemailer read files or URLs.
        disableFileAccess: true,
        disableUrlAccess: true,
      } satisfies SMTPTransport.Options),
    };
  }
  return cached.transporter;
}

async function sendOverSmtp(
  smtpUrl: string,
  from: string,
  recipients: string[],
  email: RenderedEmail,
): Promise<EmailAnswer> {
  try {
    const info = await transporterFor(smtpUrl).sendMail({
      from,
      // Structured addresses: a recipient string is never parsed as a header.
      to: recipients.map((address) => ({ name: "", address })),
      subject: email.subject,
      html: email.html,
      text: email.text,
    });
    return {
      kind: "accepted",
      response: clip(String(info.response ?? "")),
      rejected: (info.rejected ?? []).map(String),
    };
  } catch (error) {
    const { code, responseCode, message } = (error ?? {}) as { code?: string; responseCode?: number; message?: string };
    return {
      kind: "error",
      code,
      responseCode: typeof responseCode === "number" ? responseCode : undefined,
      message: redactUrl(clip(String(message ?? error)), smtpUrl),
    };
  }
}

function redactUrl(text: string, smtpUrl: string): string {
  const { password, username } = new URL(smtpUrl);
  let result = text;
  for (const secret of [password, username]) {
    if (!secret) continue;
    result = result.split(secret).join("[redacted]");
    try {
      result = result.split(decodeURIComponent(secret)).join("[redacted]");
    } catch {
      // Not valid percent-encoding: the raw form was redacted above.
    }
  }
  return result;
}

export function closeEmailTransport(): void {
  cached?.transporter.close();
  cached = undefined;
}
