import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Tenant } from "@/lib/auth/tenant";
import { createChannel } from "@/lib/channels/create-channel";
import { deleteChannel } from "@/lib/channels/delete-channel";
import type { ChannelKindId, ChannelKindModule } from "@/lib/channels/kinds/channel-kind";
import { registerChannelKind } from "@/lib/channels/kinds/channel-kinds";
import { renderAs } from "@/lib/channels/kinds/render-as";
import type { SendResult } from "@/lib/channels/kinds/send-result";
import { listChannels } from "@/lib/channels/list-channels";
import { previewTemplate } from "@/lib/channels/preview-template";
import { updateChannel } from "@/lib/channels/update-channel";
import { channelSecretConfigField } from "@/lib/crypto/sealed-fields";
import { open, seal } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { getUsage } from "@/lib/delivery/usage-quota";
import type { SlackMessage } from "@/lib/templates/render-slack";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { Clock, deliveriesOf, ingest, testWorker } from "../delivery/harness";
import { CLERK_SECRET, clerkEvent } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

// The claim of lib/channels/kinds: a kind of channel is its module and one registry line, nothing else.
// A kind that exists only in this test (a relay that posts the rendered Block Kit as JSON with a bearer
// token) is registered, then created, listed, changed, previewed, sent by the delivery worker to a real
// local HTTP server, counted against its own monthly limit and deleted, through the same code as email
// and Slack. Any branch on "email" or "slack" in that code breaks one of these steps.

type RelayConfig = { url: string; token: string };
type RelayAnswer = { status: number } | { unreachable: string };

const RelayUrl = z.url({ protocol: /^http$/ });
const RelayToken = z.string().min(8, "The token has at least 8 characters.");

const relayKind: ChannelKindModule<RelayConfig, SlackMessage, RelayAnswer> = {
  kind: "relay" as ChannelKindId,
  label: "Relay",
  noun: "relay",
  format: "slack",
  monthlyLimit: () => 2,
  defaultName: () => "Relay",
  createFields: z.strictObject({ url: RelayUrl, token: RelayToken }),
  updateFields: z.strictObject({ url: RelayUrl.optional(), token: z.union([z.literal(""), RelayToken]).optional() }),
  fieldLabels: { url: "relay URL", token: "relay token" },
  storeFields(channelId, { url, token }) {
    return {
      ...(url === undefined ? {} : { config: JSON.stringify({ url }) }),
      ...(typeof token === "string" && token
        ? { secretConfig: seal(JSON.stringify({ token }), channelSecretConfigField(channelId)) }
        : {}),
    };
  },
  describeFields: ({ url, token }) => [url ? "new relay URL" : "", token ? "new token" : ""].filter(Boolean),
  showConfig: () => ({}),
  readConfig(channel) {
    const { url } = JSON.parse(channel.config ?? "{}") as { url?: string };
    const secret = channel.secretConfig ? open(channel.secretConfig, channelSecretConfigField(channel.id)) : "{}";
    return { url, token: (JSON.parse(secret) as { token?: string }).token };
  },
  configSchema: z.object({ url: z.string(), token: z.string() }),
  render: renderAs("slack"),
  async send(message, config) {
    try {
      const response = await fetch(config.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${config.token}` },
        body: JSON.stringify(message),
      });
      return { status: response.status };
    } catch (error) {
      return { unreachable: String(error) };
    }
  },
  classify(answer): SendResult {
    if ("unreachable" in answer) return { outcome: "retry", error: `Could not reach the relay: ${answer.unreachable}` };
    if (answer.status < 300) return { outcome: "sent", statusCode: answer.status };
    return { outcome: "failed", statusCode: answer.status, error: `The relay answered ${answer.status}` };
  },
};

type Received = { authorization?: string; body: SlackMessage };

let db: Db;
let tenant: Tenant;
let server: Server;
let relayUrl: string;
const received: Received[] = [];
let unregister: () => void;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
  server = createServer(async (request, response) => {
    received.push({ authorization: request.headers.authorization, body: JSON.parse(await readBody(request)) });
    response.writeHead(200).end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  relayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/in`;
  unregister = registerChannelKind(relayKind);
});

afterAll(async () => {
  unregister();
  await new Promise((resolve) => server.close(resolve));
});

describe("a kind of channel added by its module alone", () => {
  it("is created, listed, changed, previewed, sent by the worker, counted and deleted like email and Slack", async () => {
    const webhook = await createWebhook(db, tenant);
    await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET });
    const token = "relay-token-0123456789";

    const channelId = await createChannel(db, tenant, webhook.id, {
      kind: "relay",
      url: relayUrl,
      token,
      eventTypes: ["user.created"],
    });
    const row = await db.channel.findUniqueOrThrow({ where: { id: channelId } });
    expect(row).toMatchObject({ kind: "relay", name: "Relay", recipients: null, slackUrl: null });
    // The token is sealed, never stored or shown as written.
    expect(row.secretConfig).not.toContain(token);

    const [listed] = await listChannels(db, tenant, webhook.id);
    expect(listed).toMatchObject({ id: channelId, kind: "relay", name: "Relay", eventTypes: ["user.created"] });
    expect(JSON.stringify(listed)).not.toContain(token);

    // Its own fields change through the same update; another kind's field is refused with its label.
    await updateChannel(db, tenant, webhook.id, channelId, { name: "Ops relay", token: "" });
    await expect(updateChannel(db, tenant, webhook.id, channelId, { recipients: "a@example.com" })).rejects.toThrow(
      "A relay channel has no recipients.",
    );
    await expect(updateChannel(db, tenant, webhook.id, channelId, { token: "short" })).rejects.toThrow(
      "The token has at least 8 characters.",
    );
    const audit = await db.auditEntry.findMany({
      where: { projectId: tenant.projectId },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((entry) => entry.summary)).toEqual(
      expect.arrayContaining([
        "Added relay channel “Relay”: on, new relay URL, new token, 1 event type.",
        "Changed relay channel “Ops relay”: name “Ops relay”.",
      ]),
    );

    // The preview renders the kind's format (Slack Block Kit) from that format's presets.
    const preview = await previewTemplate(db, tenant, webhook.id, {
      kind: "relay",
      template: { title: "Relay: {{fullName event.data}}", body: "*{{eventType}}*", text: "", facts: "" },
      eventType: "user.created",
      source: "sample",
    });
    expect(preview).toMatchObject({ ok: true, slack: { text: expect.stringContaining("Relay:") } });

    const clock = new Clock();
    for (const type of ["user.created", "session.created", "user.created", "user.created"]) {
      expect((await ingest(db, webhook.id, clerkEvent(type), { now: clock.current })).status).toBe(200);
    }
    await testWorker(db, clock, { slackOrigin: "http://127.0.0.1:9" }).drain();

    // Only user.created passes the filter (session.created is logged as not alerted); the kind's limit of 2
    // a month holds the third.
    expect(received).toHaveLength(2);
    expect(received[0].authorization).toBe(`Bearer ${token}`);
    // The Automatic template of its format: Slack's user.created preset, header and key facts.
    expect(received[0].body.blocks[0]).toMatchObject({
      type: "header",
      text: { text: expect.stringMatching(/^:tada: New signup/) },
    });
    expect(received[0].body.blocks.some((block) => "fields" in block)).toBe(true);
    const statuses = (await deliveriesOf(db, webhook.id)).map((delivery) => delivery.status).sort();
    expect(statuses).toEqual(["filtered", "sent", "sent", "skipped"]);
    const usage = await getUsage(db, tenant.projectId, clock.current);
    expect(usage.find((entry) => entry.kind === "relay")).toEqual({ kind: "relay", used: 2, limit: 2 });

    await deleteChannel(db, tenant, webhook.id, channelId);
    expect(await listChannels(db, tenant, webhook.id)).toEqual([]);
  });
});
