import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { killServers } from "../helpers/load";
import { CLERK_SECRET, clerkEvent, signedHeaders } from "../helpers/signing";
import { type ApiHarness, type OpenApi, startApiHarness } from "./api-harness";

// Keys (missing, malformed, unknown, revoked, expired, owner gone), cross-project isolation, the rate
// limit, the HTTP-level errors, and the OpenAPI document itself.

// biome-ignore lint/suspicious/noExplicitAny: answers are checked against the OpenAPI schema; tests read fields freely
type Json = Record<string, any>;

let api: ApiHarness;
let document: OpenApi;

beforeAll(async () => {
  // bursts of 25; one trusted proxy, so a test can send from another address with X-Forwarded-For
  api = await startApiHarness({ HOOKBELL_API_RATE_PER_KEY: "5", HOOKBELL_TRUSTED_PROXIES: "1" });
  document = (await (await fetch(`${api.url}/api/v1/openapi.json`)).json()) as OpenApi;
});

afterAll(killServers);

function operations() {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1, served without a key, and describes every endpoint with its errors", () => {
    expect(document.openapi).toBe("3.1.0");
    const ids = operations().map((entry) => entry.operation.operationId);
    expect(ids.sort()).toEqual(
      [
        "createChannel",
        "createWebhook",
        "deleteChannel",
        "deleteWebhook",
        "getChannel",
        "getEvent",
        "getOpenApiDocument",
        "getWebhook",
        "listChannels",
        "listEvents",
        "listSenders",
        "listTemplates",
        "listWebhooks",
        "previewTemplate",
        "replayEvent",
        "replayWebhookWindow",
        "retryDelivery",
        "sendTestEvent",
        "updateChannel",
        "updateWebhook",
      ].sort(),
    );
    for (const { operation } of operations()) {
      if (operation.operationId === "getOpenApiDocument") continue;
      expect(Object.keys(operation.responses), operation.operationId).toEqual(expect.arrayContaining(["401", "429"]));
      if (operation.requestBody)
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["400", "415", "422"]));
    }
    const error = document.components.schemas.Error as Json;
    expect(error.properties.error.properties.fields).toBeDefined();
  });

  it("has request and response examples that fit their own schemas", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(document as object, "doc");
    let checked = 0;
    for (const { path, method, operation } of operations()) {
      const base = `doc#/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}/${method.toLowerCase()}`;
      const request = operation.requestBody?.content["application/json"];
      if (request?.example !== undefined) {
        const validate = ajv.getSchema(`${base}/requestBody/content/application~1json/schema`);
        expect(validate?.(request.example) ? [] : validate?.errors, `${operation.operationId} request example`).toEqual(
          [],
        );
        checked++;
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        const content = response.content?.["application/json"];
        if (content?.example === undefined) continue;
        const validate = ajv.getSchema(`${base}/responses/${status}/content/application~1json/schema`);
        expect(
          validate?.(content.example) ? [] : validate?.errors,
          `${operation.operationId} ${status} example`,
        ).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe("API keys", () => {
  it("refuses every endpoint without a key, saying what is wrong", async () => {
    for (const { path, method, operation } of operations()) {
      if (operation.operationId === "getOpenApiDocument") continue;
      const concrete = path.replace(/\{\w+\}/g, "x_1");
      const answer = await api.call(method, concrete, {
        body: method === "GET" || method === "DELETE" ? undefined : {},
      });
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect((answer.json as Json).error).toEqual({
        code: "unauthorized",
        message: "Missing API key: send it as `Authorization: Bearer hb_live_…`.",
      });
    }
  });

  it("tells a malformed header, a malformed key, an unknown, a revoked and an expired key apart, echoing none", async () => {
    const message = async (authorization: string) => {
      const answer = await api.call("GET", "/webhooks", { headers: { authorization } });
      expect(answer.status).toBe(401);
      expect(answer.text).not.toContain(authorization.split(" ").at(-1));
      return (answer.json as Json).error.message as string;
    };
    expect(await message("Token abc")).toMatch(/^Malformed Authorization header/);
    expect(await message("Bearer sk_live_0123456789")).toMatch(/^Malformed API key/);
    // A key that does start with hb_live_ is told what else is wrong with it.
    expect(await message("Bearer hb_live_wrong")).toBe(
      "Malformed API key: a Hookbell key is hb_live_ followed by 32 letters and digits; this one has 5 after hb_live_ (was it copied whole?).",
    );
    expect(await message(`Bearer hb_live_${"A".repeat(31)}"`)).toMatch(
      /^Malformed API key: .*; this one has other characters after hb_live_/,
    );
    expect(await message(`Bearer hb_live_${"A".repeat(32)}`)).toBe("Unknown API key.");

    const { tenant, key } = await api.newProject();
    expect((await api.call("GET", "/webhooks", { key })).status).toBe(200);
    const row = await api.db.apiKey.findFirstOrThrow({ where: { projectId: tenant.projectId } });
    await revokeApiKey(api.db, tenant, row.id);
    expect(await message(`Bearer ${key}`)).toBe("This API key has been revoked.");

    const expired = await api.newProject({ expiresInDays: 1, now: new Date(Date.now() - 2 * 86_400_000) });
    expect(await message(`Bearer ${expired.key}`)).toBe("This API key has expired.");

    const leaver = await api.newProject();
    await api.db.membership.deleteMany({ where: { projectId: leaver.tenant.projectId } });
    expect(await message(`Bearer ${leaver.key}`)).toMatch(/has left the project/);
  });

  it("stores only the hash and a display prefix, and records when a key was last used", async () => {
    const { tenant, key } = await api.newProject();
    const row = await api.db.apiKey.findFirstOrThrow({ where: { projectId: tenant.projectId } });
    expect(key).toMatch(/^hb_live_[0-9A-Za-z]{32}$/);
    expect(JSON.stringify(row)).not.toContain(key.slice(8));
    expect(row.displayPrefix).toBe(key.slice(0, 12));
    expect(row.lastUsedAt).toBeNull();
    await api.call("GET", "/templates", { key });
    const used = await api.db.apiKey.findUniqueOrThrow({ where: { id: row.id } });
    expect(used.lastUsedAt?.getTime()).toBeGreaterThan(Date.now() - 30_000);
    // Within the minute a second request writes nothing.
    await api.call("GET", "/templates", { key });
    expect((await api.db.apiKey.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).toEqual(used.lastUsedAt);
  });
});

describe("another project's resources", () => {
  it("answer 404 exactly like missing ones, for reads, changes and actions", async () => {
    const owner = await api.newProject();
    const stranger = await api.newProject();
    const webhook = (
      await api.call("POST", "/webhooks", {
        key: owner.key,
        body: { name: "Private", provider: "clerk", signing_secret: CLERK_SECRET },
      })
    ).json as Json;
    const channel = (
      await api.call("POST", `/webhooks/${webhook.id}/channels`, {
        key: owner.key,
        body: { kind: "email", recipients: ["owner@example.com"] },
      })
    ).json as Json;
    const body = clerkEvent();
    await fetch(`${api.url}/api/ingest/${webhook.id}`, { method: "POST", headers: signedHeaders(body), body });
    const event = ((await api.call("GET", "/events", { key: owner.key })).json as Json).data[0];
    const delivery = ((await api.call("GET", `/events/${event.id}`, { key: owner.key })).json as Json).deliveries[0];
    expect(delivery).toBeDefined();

    const attempts: [string, string, unknown?][] = [
      ["GET", `/webhooks/${webhook.id}`],
      ["PATCH", `/webhooks/${webhook.id}`, { name: "Taken" }],
      ["DELETE", `/webhooks/${webhook.id}`],
      ["GET", `/webhooks/${webhook.id}/channels`],
      ["POST", `/webhooks/${webhook.id}/channels`, { kind: "email", recipients: ["x@example.com"] }],
      ["GET", `/webhooks/${webhook.id}/channels/${channel.id}`],
      ["PATCH", `/webhooks/${webhook.id}/channels/${channel.id}`, { enabled: false }],
      ["DELETE", `/webhooks/${webhook.id}/channels/${channel.id}`],
      ["GET", `/events/${event.id}`],
      ["POST", `/events/${event.id}/replay`],
      ["POST", `/deliveries/${delivery.id}/retry`],
      ["POST", `/webhooks/${webhook.id}/replay`, { from: "2020-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z" }],
      ["POST", `/webhooks/${webhook.id}/test-events`],
      ["POST", "/templates/preview", { webhook_id: webhook.id, kind: "slack" }],
    ];
    for (const [method, path, requestBody] of attempts) {
      const answer = await api.call(method, path, { key: stranger.key, body: requestBody });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect((answer.json as Json).error.code).toBe("not_found");
    }
    expect(((await api.call("GET", "/webhooks", { key: stranger.key })).json as Json).data).toEqual([]);
    expect(((await api.call("GET", "/events", { key: stranger.key })).json as Json).data).toEqual([]);
    expect(
      ((await api.call("GET", `/events?webhook_id=${webhook.id}`, { key: stranger.key })).json as Json).data,
    ).toEqual([]);
    // Nothing changed for the owner.
    expect((await api.call("GET", `/webhooks/${webhook.id}`, { key: owner.key })).json).toMatchObject({
      name: "Private",
    });
    expect(
      (await api.call("GET", `/webhooks/${webhook.id}/channels/${channel.id}`, { key: owner.key })).json,
    ).toMatchObject({
      enabled: true,
    });
  });
});

describe("HTTP-level errors", () => {
  let key = "";
  beforeAll(async () => {
    ({ key } = await api.newProject());
  });

  it("answers 404 for an unknown path and 405 with Allow for an unsupported method, in the error shape", async () => {
    const unknown = await api.call("GET", "/nope", { key });
    expect(unknown.status).toBe(404);
    expect((unknown.json as Json).error.code).toBe("not_found");
    const wrongMethod = await api.call("PUT", "/webhooks", { key, body: {} });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, POST");
    expect((wrongMethod.json as Json).error.code).toBe("method_not_allowed");
  });

  it("answers 415 for a body that is not JSON, 400 for malformed JSON and 413 for an oversized body", async () => {
    const form = await api.call("POST", "/webhooks", {
      key,
      rawBody: "name=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    expect((form.json as Json).error.code).toBe("unsupported_media_type");
    const broken = await api.call("POST", "/webhooks", {
      key,
      rawBody: '{"name": ',
      headers: { "content-type": "application/json" },
    });
    expect(broken.status).toBe(400);
    expect((broken.json as Json).error.code).toBe("bad_request");
    const huge = await api.call("POST", "/webhooks", {
      key,
      rawBody: JSON.stringify({ name: "x".repeat(600 * 1024) }),
      headers: { "content-type": "application/json" },
    });
    expect(huge.status).toBe(413);
    expect((huge.json as Json).error.code).toBe("payload_too_large");
  });

  it("rate-limits per key with 429 and Retry-After, leaving other keys alone", async () => {
    const { key: busy } = await api.newProject();
    const answers = await Promise.all(Array.from({ length: 40 }, () => api.call("GET", "/templates", { key: busy })));
    const refused = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(25);
    expect(refused.length).toBeGreaterThan(5);
    expect(Number(refused[0].headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((refused[0].json as Json).error.code).toBe("rate_limited");
    expect((await api.call("GET", "/templates", { key })).status).toBe(200);
  });
});

describe("refused keys", () => {
  it("are rate-limited per address: past 30, that address waits, while other addresses and valid keys elsewhere go on", async () => {
    const wrongKey = `hb_live_${"B".repeat(32)}`;
    const from = (address: string) => ({ "x-forwarded-for": address });
    const answers = [];
    for (let i = 0; i < 36; i++) {
      answers.push(await api.call("GET", "/webhooks", { key: wrongKey, headers: from("198.51.100.7") }));
    }
    const statuses = answers.map((answer) => answer.status);
    // The budget, plus what it regained while the requests ran (one every 2 s).
    const unauthorized = statuses.filter((status) => status === 401).length;
    expect(unauthorized).toBeGreaterThanOrEqual(30);
    expect(unauthorized).toBeLessThanOrEqual(33);
    expect(statuses.filter((status) => status === 429)).toHaveLength(36 - unauthorized);
    const refused = answers[statuses.lastIndexOf(429)];
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((refused.json as Json).error).toEqual({
      code: "rate_limited",
      message: expect.stringMatching(/^Too many requests with a missing or wrong API key from this address/),
    });
    // A malformed key from the same address is refused before any lookup, too.
    expect((await api.call("GET", "/webhooks", { key: "hb_live_x", headers: from("198.51.100.7") })).status).toBe(429);

    const { key } = await api.newProject();
    expect((await api.call("GET", "/webhooks", { key, headers: from("198.51.100.8") })).status).toBe(200);
    expect((await api.call("GET", "/webhooks", { key: wrongKey, headers: from("198.51.100.8") })).status).toBe(401);
  });
});
