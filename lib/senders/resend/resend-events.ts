import type { EventGroup } from "../sender";

// Resend's webhook event types, grouped as its dashboard's event picker groups them
// (resend.com/docs/dashboard/webhooks/event-types). Other types are still accepted and logged.

export const RESEND_EVENT_GROUPS: readonly EventGroup[] = [
  {
    id: "emails",
    name: "Emails",
    types: [
      { type: "email.sent", description: "Resend accepted an email for delivery" },
      { type: "email.scheduled", description: "An email was scheduled to be sent later" },
      { type: "email.delivered", description: "The recipient's mail server accepted an email" },
      { type: "email.delivery_delayed", description: "An email could not be delivered yet (a temporary problem)" },
      { type: "email.bounced", description: "The recipient's mail server permanently refused an email" },
      { type: "email.complained", description: "A recipient marked an email as spam" },
      { type: "email.opened", description: "A recipient opened an email" },
      { type: "email.clicked", description: "A recipient clicked a link in an email" },
      { type: "email.failed", description: "An email could not be sent" },
      { type: "email.suppressed", description: "An email was not sent: the address is on the suppression list" },
      { type: "email.received", description: "An email arrived at a receiving address" },
    ],
  },
  {
    id: "contacts",
    name: "Contacts",
    types: [
      { type: "contact.created", description: "A contact was added" },
      { type: "contact.updated", description: "A contact changed" },
      { type: "contact.deleted", description: "A contact was removed" },
    ],
  },
  {
    id: "domains",
    name: "Domains",
    types: [
      { type: "domain.created", description: "A sending domain was added" },
      { type: "domain.updated", description: "A domain's verification status or settings changed" },
      { type: "domain.deleted", description: "A sending domain was removed" },
    ],
  },
];
