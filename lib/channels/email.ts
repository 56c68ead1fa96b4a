import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { RenderedEmail } from "../templates/render-email";
import type { SendResult } from "./send-result";
import { clip } from "./send-result";

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

export async function sendEmail(
  smtpUrl: string,
  from: string,
  recipients: string[],
  email: RenderedEmail,
): Promise<SendResult> {
  try {
    const info = await transporterFor(smtpUrl).sendMail({
      from,
      // Structured addresses: a recipient string is never parsed as a header.
      to: recipients.map((address) => ({ name: "", address })),
      subject: email.subject,
      html: email.html,
      text: email.text,
    });
    const rejected = (info.rejected ?? []).map(String);
    const response = clip(String(info.response ?? ""));
    if (rejected.length > 0) {
      // Accepted recipients got the message; resending would duplicate it for them.
      return { outcome: "sent", response: `${response} (refused by the server: ${rejected.join(", ")})` };
    }
    return { outcome: "sent", response };
  } catch (error) {
    return classifySmtpError(error, smtpUrl);
  }
}

export function classifySmtpError(error: unknown, smtpUrl: string): SendResult {
  const { code, responseCode, message } = (error ?? {}) as { code?: string; responseCode?: number; message?: string };
  const text = redactUrl(clip(String(message ?? error)), smtpUrl);
  const statusCode = typeof responseCode === "number" ? responseCode : undefined;
  // RFC 5321: 5yz replies are permanent, 4yz and connection errors transient. Bad credentials stay bad.
  const isPermanent =
    code === "EAUTH" || (statusCode !== undefined && statusCode >= 500) || (code === "EENVELOPE" && !statusCode);
  if (isPermanent) {
    return { outcome: "failed", statusCode, error: `The mail server refused the message: ${text}` };
  }
  return { outcome: "retry", statusCode, error: `Could not send through the mail server: ${text}` };
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
