import { createHmac, randomBytes } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { findSender } from "@/lib/senders/senders";
import { type RunningApp, startApp } from "./helpers/app-server";
import { launchBrowser } from "./helpers/browser";
import { connectAndAlert, type SenderCase } from "./helpers/connect-sender";

// Senders whose webhooks have settings, connected through the Connect panel's settings form. Neither has a
// signing library: Supabase sends a header the user adds, and Custom HMAC is signed here with node:crypto
// the way the settings chosen in the form describe.

const sampleOf = (senderId: string) => (type: string) =>
  JSON.stringify(findSender(senderId)?.sample(type, new Date()) ?? {});

const CASES: SenderCase[] = [
  {
    senderId: "supabase",
    search: "database",
    secret: randomBytes(24).toString("hex"),
    settings: { "Secret header": "x-hook-secret" },
    eventType: "insert",
    alertSubject: "New row in public.",
    body: sampleOf("supabase"),
    sign: (_body, secret) => ({ "content-type": "application/json", "x-hook-secret": secret }),
  },
  {
    senderId: "custom-hmac",
    search: "hmac",
    secret: randomBytes(24).toString("base64url"),
    settings: {
      "Signature header": "x-acme-signature",
      Algorithm: "sha512",
      Encoding: "base64",
      "What is signed": "timestamp-body",
      "Timestamp header": "x-acme-timestamp",
      "Delivery ID header": "x-acme-delivery",
    },
    eventType: "invoice.created",
    alertSubject: "Event alert: invoice.created",
    body: (type) => JSON.stringify({ type, data: { id: "inv_7", total: 4200 } }),
    sign: (body, secret) => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      return {
        "content-type": "application/json",
        "x-acme-timestamp": timestamp,
        "x-acme-delivery": `dlv_${randomBytes(8).toString("hex")}`,
        "x-acme-signature": createHmac("sha512", secret).update(`${timestamp}.${body}`).digest("base64"),
      };
    },
  },
];

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe.each(CASES.map((entry) => [entry.senderId, entry] as const))("connecting %s", (_id, entry) => {
  it("fills its settings in the Connect panel, saves them with the secret, and alerts on a request signed that way", () =>
    connectAndAlert(app, browser, entry));
});
