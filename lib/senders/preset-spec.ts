// A preset written once for every channel kind: lib/templates/compose-preset.ts turns it into each
// format's template parts (an email's subject, HTML and text; Slack's header, section, fields and
// fallback; Discord's embed…). Every string is Handlebars over the usual template context
// ({{event.…}}, {{eventType}}, {{receivedAt}}, helpers such as formatDate, default, money), and writes
// plain text: each format adds its own markup and escaping.

export type PresetFact = {
  label: string;
  /** Handlebars; a fact that renders blank is left out of the alert. */
  value: string;
  /** Shown as code (ids, SHAs, branch names). */
  code?: boolean;
};

export type PresetSpec = {
  /** Unique across senders: "<sender>-<event-type slug>", e.g. "stripe-invoice-payment-failed". */
  id: string;
  /** The event type this preset is written for, as Identity.eventType names it. */
  eventType: string;
  /** Shown in the template picker: "Payment failed". */
  name: string;
  description: string;
  /** One emoji before the title in chat kinds (unicode, not a :shortcode:). */
  emoji: string;
  /** The headline: "Payment failed: {{money event.data.object.amount_due event.data.object.currency}}". */
  title: string;
  /** One or two sentences under the headline. */
  lead: string;
  /** The key facts, three to six, in reading order. */
  facts: PresetFact[];
  /** The one-line statement on the event page and in the log ("Payment of $20.00 failed for ada@example.com"). */
  summary: string;
};
