import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { composePreset } from "../templates/compose-preset";
import { sampleTemplateContext } from "../templates/sample-context";
import { TEMPLATE_FORMATS, type TemplateFormatId } from "../templates/template-formats";
import type { PresetSpec } from "./preset-spec";
import { schemeFor } from "./schemes/schemes";
import type { AnySender } from "./sender";
import { SENDERS } from "./senders";
import { initialSettings, settingsToSend } from "./settings-values";
import { verifyRequest } from "./verify-request";

// The contract every sender module keeps, checked for each one in the registry: a new sender is covered
// here the moment it is listed. Each sender's own tests (signed with its own library) are beside it.

const NOW = new Date("2026-12-03T12:00:00.000Z");
// Valid for every scheme: a Standard Webhooks key, and plain bytes to the HMAC and token schemes.
const SECRET = `whsec_${randomBytes(32).toString("base64")}`;

/** The settings a sender with settings gets by default in the Connect panel, as the panel sends them. */
function defaultConfig(sender: AnySender): unknown {
  if (!sender.config) return undefined;
  const fields = sender.settingsFields ?? [];
  return sender.config.parse(settingsToSend(fields, initialSettings(fields, null)));
}

/** A sample of `type` signed and headed the way the sender sends it. */
function signedSample(sender: AnySender, type: string, messageId: string) {
  const config = defaultConfig(sender);
  const verification = sender.verification(config);
  const body = JSON.stringify(sender.sample(type, NOW, config));
  const headers = new Headers({
    "content-type": "application/json",
    ...sender.sampleHeaders?.(type, messageId, config),
    ...schemeFor(verification).sign(body, SECRET, verification, { id: messageId, now: NOW }),
  });
  return { config, request: { headers, body } };
}

const SECRETS = { current: SECRET, previous: null, previousExpiresAt: null };

describe.each(SENDERS.map((sender) => [sender.name, sender] as const))("the %s sender", (_name, sender) => {
  it("has an id the API can take, the Connect panel's words, and settings that default to valid ones", () => {
    expect(sender.id).toMatch(/^[a-z][a-z0-9-]{1,39}$/);
    expect(sender.urlHelp.length).toBeGreaterThan(0);
    expect(sender.docsUrl).toMatch(/^https:\/\//);
    expect(sender.secret.label.length).toBeGreaterThan(0);
    expect(sender.secret.help.length).toBeGreaterThan(0);
    if (sender.config) expect(sender.settingsFields?.length ?? 0).toBeGreaterThan(0);
    expect(() => defaultConfig(sender)).not.toThrow();
  });

  const types = sender.events.flatMap((group) => group.types.map((entry) => entry.type));

  it("lists each event type once", () => {
    expect(new Set(types).size).toBe(types.length);
  });

  it.each(types.length > 0 ? types : ["(none)"])("verifies its own signed sample of %s and names its type", (type) => {
    if (type === "(none)") return expect(types).toEqual([]);
    const messageId = `msg_${randomBytes(8).toString("hex")}`;
    const { config, request } = signedSample(sender, type, messageId);
    const verified = verifyRequest(sender, config, request, SECRETS, NOW);
    if (!verified.ok) throw new Error(`${type}: ${verified.code}: ${verified.message}`);
    expect(verified.identity.eventType).toBe(type);
    if (sender.idempotency !== null) expect(verified.identity.messageId).not.toBeNull();
  });

  it("refuses its own sample signed with another secret", () => {
    const type = types[0] ?? "ping";
    const { config, request } = signedSample(sender, type, "msg_other_secret");
    const other = { current: `whsec_${randomBytes(32).toString("base64")}`, previous: null, previousExpiresAt: null };
    const verified = verifyRequest(sender, config, request, other, NOW);
    expect(verified.ok ? "accepted" : verified.code).toBe("invalid_signature");
  });

  it("writes presets with unique ids, for types in its catalog", () => {
    for (const preset of sender.presets) {
      expect(preset.id.startsWith(`${sender.id}-`), preset.id).toBe(true);
      expect(types, preset.id).toContain(preset.eventType);
      expect(preset.facts.length, preset.id).toBeGreaterThanOrEqual(2);
    }
  });

  const formats = Object.keys(TEMPLATE_FORMATS) as TemplateFormatId[];
  type Case = [id: string, format: TemplateFormatId, preset: PresetSpec | undefined];
  const cases = sender.presets.flatMap((preset) => formats.map((format): Case => [preset.id, format, preset]));
  it.each<Case>(cases.length > 0 ? cases : [["(none)", "email", undefined]])(
    "renders the %s preset as %s from its sample, every part filled",
    (_id, format, preset) => {
      if (!preset) return expect(sender.presets).toEqual([]);
      const context = sampleTemplateContext(preset.eventType, {
        now: NOW,
        webhook: { id: "wh_sample", name: "Production", environment: "production", provider: sender.id },
      });
      const rendered = JSON.stringify(TEMPLATE_FORMATS[format].render(composePreset(format, preset), context));
      expect(rendered).not.toMatch(/undefined|\[object Object\]|NaN/);
      if (format === "webhook") return;
      // Every fact has a value in the sender's own sample: a preset reading a path the sender never sends fails here.
      for (const fact of preset.facts) expect(rendered, `${preset.id} ${format}`).toContain(fact.label);
      const headline = preset.title.replace(/\{\{[^}]*\}\}/g, "").trim();
      expect(rendered, `${preset.id} ${format}`).toContain(headline.slice(0, 8));
    },
  );
});

describe("the sender registry", () => {
  it("has unique sender ids and preset ids", () => {
    const ids = SENDERS.map((sender) => sender.id);
    expect(new Set(ids).size).toBe(ids.length);
    const presets = SENDERS.flatMap((sender) => sender.presets.map((preset) => preset.id));
    expect(new Set(presets).size).toBe(presets.length);
  });

  const pairs = SENDERS.flatMap((from) =>
    SENDERS.filter((to) => to.id !== from.id && to.marks.length > 0 && from.marks.length > 0).map(
      (to) => [from.name, to.name, from, to] as const,
    ),
  );
  it.each(pairs)("names %s when its request reaches a webhook connected to %s", (_from, _to, from, to) => {
    const type = from.events[0]?.types[0]?.type ?? "ping";
    const { request } = signedSample(from, type, "msg_wrong_sender");
    // Only meaningful when the request lacks every header of the webhook's own sender.
    if (to.marks.some((header) => request.headers.has(header))) return;
    if (!from.marks.some((header) => request.headers.has(header))) return;
    const verified = verifyRequest(to, defaultConfig(to), request, SECRETS, NOW);
    if (verified.ok) throw new Error(`${to.name} accepted a ${from.name} request`);
    expect(verified.code).toBe("wrong_sender");
    expect(verified.message).toContain(from.name);
    expect(verified.message).toContain(`connected to ${to.name}`);
  });
});
