import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { findMailboxCopies } from "@/lib/mailbox/find-mailbox-copies";
import { stopRenderPool } from "@/lib/templates/render-in-pool";
import { clerkEvent } from "../helpers/signing";
import { SlackStandIn } from "../helpers/slack-stand-in";
import { SmtpSink } from "../helpers/smtp-sink";
import { openTestDb, seedTenant } from "../helpers/test-db";
import { Clock, deliveriesOf, ingest, testWorker, webhookWithChannels } from "./harness";

// The preset emails as a mail server receives them (smtp-server, parsed by mailparser), and the Dev
// mailbox copy the event page links to when no SMTP server is configured.

let db: Db;
let tenant: Tenant;
const smtp = new SmtpSink();
const slack = new SlackStandIn();

const signup = () =>
  clerkEvent("user.created", {
    username: "ada",
    email_addresses: [{ id: "idn_1", email_address: "ada@example.com" }],
    primary_email_address_id: "idn_1",
    created_at: Date.parse("2026-11-23T14:05:00Z"),
  });

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
  await smtp.start();
  await slack.start();
});

afterEach(async () => {
  await db.delivery.deleteMany({});
});

afterAll(async () => {
  await smtp.stop();
  await slack.stop();
  await stopRenderPool();
});

describe("a preset email over SMTP", () => {
  it("arrives with the summary first, the facts, the button and a plain-text part saying the same", async () => {
    const clock = new Clock();
    const { webhookId } = await webhookWithChannels(db, tenant, { email: ["founders@example.com"] });
    await ingest(db, webhookId, signup(), { now: clock.current });
    expect(await testWorker(db, clock, { smtpUrl: smtp.url, slackOrigin: slack.origin }).drain()).toBe(1);

    const mail = smtp.received.find((received) => received.envelopeTo.includes("founders@example.com"));
    if (!mail) throw new Error("no mail received");
    const [event] = await db.event.findMany({ where: { webhookId } });
    const eventUrl = `http://hookbell.test/logs/${event.id}`;
    const { subject, html, text } = mail.parsed;

    expect(subject).toBe("New signup: Ada Lovelace (ada@example.com)");
    expect(html).toBeTruthy();
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toMatch(/<h1[^>]*>Ada Lovelace \(ada@example\.com\) signed up<\/h1>/);
    expect(html).toMatch(/>Email<\/td><td[^>]*>ada@example\.com<\/td>/);
    expect(html).toMatch(/>Signed up<\/td><td[^>]*>23 Nov 2026, 14:05 UTC<\/td>/);
    expect(html).toContain(`<a href="${eventUrl}"`);
    expect(html).toContain(">View event in Hookbell</a>");
    expect(html).not.toContain('"email_addresses"');

    const lines = (text ?? "").split("\n");
    expect(lines[0]).toBe("Ada Lovelace (ada@example.com) signed up");
    expect(lines).toEqual(
      expect.arrayContaining([
        "Name: Ada Lovelace",
        "Email: ada@example.com",
        "Signed up: 23 Nov 2026, 14:05 UTC",
        "Username: ada",
        `View event in Hookbell: ${eventUrl}`,
      ]),
    );
    expect(text).not.toContain("{");
  });
});

describe("the Dev mailbox copy of an email", () => {
  it("is found for its delivery, and not for another project's", async () => {
    const clock = new Clock();
    const { webhookId } = await webhookWithChannels(db, tenant, { email: ["ops@example.com"], slack: true });
    await ingest(db, webhookId, signup(), { now: clock.current });
    // No SMTP server: the email is kept in the Dev mailbox.
    await testWorker(db, clock, { slackOrigin: slack.origin }).drain();
    const [email, slackDelivery] = await deliveriesOf(db, webhookId);
    expect([email.kind, email.status, slackDelivery.kind]).toEqual(["email", "sent", "slack"]);

    const copies = await findMailboxCopies(db, tenant, [email.id, slackDelivery.id]);
    const [message] = await db.mailboxMessage.findMany({ where: { deliveryId: email.id } });
    expect([...copies]).toEqual([[email.id, message.id]]);
    expect(message.subject).toBe("New signup: Ada Lovelace (ada@example.com)");

    const stranger = await seedTenant(db);
    expect((await findMailboxCopies(db, stranger, [email.id])).size).toBe(0);
    expect((await findMailboxCopies(db, tenant, [])).size).toBe(0);
  });
});
