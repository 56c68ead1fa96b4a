import type { PresetSpec } from "../preset-spec";

// What senders of email alert on: mail that did not arrive (bounced, failed, delayed), spam complaints,
// and deliveries worth confirming.

const TO = "event.data.to.[0]";
const facts = (extra: PresetSpec["facts"]): PresetSpec["facts"] => [
  { label: "To", value: TO },
  { label: "Subject", value: "event.data.subject" },
  ...extra,
  { label: "From", value: "event.data.from" },
  { label: "Email ID", value: "event.data.email_id", code: true },
];

export const RESEND_PRESETS: PresetSpec[] = [
  {
    id: "resend-email-bounced",
    eventType: "email.bounced",
    name: "Email bounced",
    description: "The recipient's server refused an email: who, which email, and why.",
    emoji: "📭",
    title: "Email bounced: {{event.data.to.[0]}}",
    lead: "{{event.data.bounce.type}} bounce ({{event.data.bounce.subType}}): {{event.data.bounce.message}}",
    facts: facts([{ label: "Bounce", value: "event.data.bounce.type" }]),
    summary: "{{event.data.bounce.type}} bounce for {{event.data.to.[0]}}: {{event.data.subject}}",
  },
  {
    id: "resend-email-complained",
    eventType: "email.complained",
    name: "Spam complaint",
    description: "A recipient marked an email as spam.",
    emoji: "🚫",
    title: "Spam complaint from {{event.data.to.[0]}}",
    lead: "{{event.data.to.[0]}} marked “{{event.data.subject}}” as spam. Stop sending to this address.",
    facts: facts([{ label: "Sent", value: "formatDate event.data.created_at" }]),
    summary: "{{event.data.to.[0]}} marked {{event.data.subject}} as spam",
  },
  {
    id: "resend-email-failed",
    eventType: "email.failed",
    name: "Email failed",
    description: "An email could not be sent, with Resend's reason.",
    emoji: "⚠️",
    title: "Email failed to send: {{event.data.subject}}",
    lead: "Resend could not send this email to {{event.data.to.[0]}}: {{event.data.failed.reason}}.",
    facts: facts([{ label: "Reason", value: "event.data.failed.reason" }]),
    summary: "Email to {{event.data.to.[0]}} failed: {{event.data.failed.reason}}",
  },
  {
    id: "resend-email-delivery-delayed",
    eventType: "email.delivery_delayed",
    name: "Delivery delayed",
    description: "An email could not be delivered yet; Resend keeps trying.",
    emoji: "⏳",
    title: "Delivery delayed: {{event.data.to.[0]}}",
    lead: "The recipient's mail server has not accepted “{{event.data.subject}}” yet; Resend keeps trying.",
    facts: facts([{ label: "Sent", value: "formatDate event.data.created_at" }]),
    summary: "Delivery of {{event.data.subject}} to {{event.data.to.[0]}} is delayed",
  },
  {
    id: "resend-email-delivered",
    eventType: "email.delivered",
    name: "Email delivered",
    description: "The recipient's mail server accepted an email.",
    emoji: "✅",
    title: "Email delivered to {{event.data.to.[0]}}",
    lead: "“{{event.data.subject}}” reached {{event.data.to.[0]}}.",
    facts: facts([{ label: "Delivered", value: "formatDate event.created_at" }]),
    summary: "{{event.data.subject}} delivered to {{event.data.to.[0]}}",
  },
];
