import { Webhook } from "svix";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { type IngestOutput, ingestRequest } from "@/lib/ingest/ingest-request";
import { MAX_BODY_BYTES } from "@/lib/ingest/read-capped-body";
import { CLERK_EVENT_TYPES } from "@/lib/senders/clerk/clerk-events";
import { MAX_MESSAGE_ID_LENGTH } from "@/lib/senders/verify-request";
import { checkTemplate } from "@/lib/templates/check-template";
import { SLACK_MAX_BLOCKS } from "@/lib/templates/limits";
import { listPresets, type TemplateContext } from "@/lib/templates/presets";
import { renderEmail } from "@/lib/templates/render-email";
import { renderSlackMessage } from "@/lib/templates/render-slack";
import { sampleTemplateContext } from "@/lib/templates/sample-context";
import { TemplateError } from "@/lib/templates/template-error";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { webhookWithChannels } from "../delivery/harness";
import { Random, runSeed } from "../helpers/load";
import { CLERK_SECRET, clerkEvent, OTHER_SECRET } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

// Seeded fuzzing of the ingest core (ingestRequest on a real SQLite file) and of alert template rendering.
// HOOKBELL_SOAK=1 runs ~50,000 cases of each, `npm test` ~2,000. A failure names its seed and case:
// HOOKBELL_SEED=<seed> replays the same run.

const SOAK = process.env.HOOKBELL_SOAK === "1";
const INGEST_CASES = SOAK ? 50_000 : 2_000;
const TEMPLATE_CASES = SOAK ? 50_000 : 2_000;
const SEED = runSeed();
const DOCUMENTED_STATUSES = new Set([200, 400, 401, 404, 405, 409, 413]);
/**
 * A synchronous call that takes this long counts as a hang. Loops stop after 250 ms per part
 * (RENDER_MAX_MS); an email renders three parts, and a loaded machine gets generous room on top.
 */
const HANG_MS = 5_000;

// ---------------------------------------------------------------------------------------------------
// Prototype integrity: no input may add, remove or replace anything on the built-in prototypes.

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype };

function prototypeSnapshot() {
  return Object.entries(PROTOTYPES).map(([name, proto]) => [
    name,
    Object.getOwnPropertyNames(proto)
      .sort()
      .map((key) => [key, Object.getOwnPropertyDescriptor(proto, key)?.value ?? "accessor"]),
  ]);
}
const pristine = prototypeSnapshot();

function expectPrototypesUntouched(where: string) {
  expect(({} as Record<string, unknown>).polluted, where).toBeUndefined();
  expect(Object.getPrototypeOf({}), where).toBe(Object.prototype);
  expect(prototypeSnapshot(), where).toEqual(pristine);
}

afterEach(() => expectPrototypesUntouched("after the test"));

// ---------------------------------------------------------------------------------------------------
// Generators.

const UNICODE = [
  "é",
  "ß",
  "Ω",
  "Ж",
  "中",
  "文",
  "🚀",
  "👩‍👩‍👧",
  "\u202e",
  "\u200b",
  "\ufeff",
  "\u0000",
  "\u2028",
  "\ud800",
  "\udfff",
];
const ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:,;/ {}[]\"'`\\<>&=+*#@!?%$~|^()";

function text(r: Random, max: number): string {
  const length = r.int(max + 1);
  let out = "";
  while (out.length < length) {
    const roll = r.next();
    if (roll < 0.8) out += ASCII[r.int(ASCII.length)];
    else if (roll < 0.95) out += r.pick(UNICODE);
    else out += String.fromCharCode(r.int(0x10000));
  }
  return out;
}

function bytes(r: Random, max: number): Buffer {
  const out = Buffer.alloc(r.int(max + 1));
  for (let i = 0; i < out.length; i++) out[i] = r.int(256);
  return out;
}

const INVALID_UTF8 = [
  [0xc3, 0x28],
  [0xff],
  [0xfe, 0xff],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0x80],
].map((sequence) => Buffer.from(sequence));

/** Random JSON of odd shapes; `budget` bounds the number of values so one case stays small. */
function jsonValue(r: Random, depth: number, budget = { left: 3_000 }): unknown {
  budget.left--;
  const roll = r.int(depth > 4 || budget.left <= 0 ? 6 : 9);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -1, 1.5, 1e308, -1e-308, 2 ** 53 + 1, Date.now(), Math.floor(Date.now() / 1000)]);
    case 3:
    case 4:
      return text(r, 40);
    case 5:
      return r.chance(0.1) ? "x".repeat(r.int(60_000)) : text(r, 200);
    case 6:
    case 7: {
      const object: Record<string, unknown> = {};
      const keys = ["type", "object", "data", "id", "first_name", "email_addresses", "__proto__", "constructor"];
      for (let i = r.int(8); i > 0 && budget.left > 0; i--) {
        object[r.chance(0.6) ? r.pick(keys) : text(r, 12)] = jsonValue(r, depth + 1, budget);
      }
      return object;
    }
    default: {
      const length = r.chance(0.05) ? 2_500 : r.int(6);
      const array: unknown[] = [];
      for (let i = 0; i < length && budget.left > 0; i++) array.push(jsonValue(r, depth + 1, budget));
      return array;
    }
  }
}

/** JSON text of an object whose keys include __proto__ as written (JSON.stringify cannot produce it). */
function hostileJson(r: Random): string {
  const data = JSON.stringify(jsonValue(r, 2) ?? null);
  return r.pick([
    `{"type":"user.created","__proto__":{"polluted":"yes"},"data":${data}}`,
    `{"type":"user.created","data":{"constructor":{"prototype":{"polluted":"yes"}},"x":${data}}}`,
    `{"__proto__":{"__proto__":{"polluted":1}},"type":{"toString":"x"},"object":["event"]}`,
    `{"type":"${"t".repeat(r.int(1_000))}","object":${data},"data":{"id":${data}}}`,
  ]);
}

function deeplyNested(r: Random): string {
  const depth = r.pick([10, 33, 100, 1_000, 20_000, 100_000]);
  return r.chance(0.5)
    ? `{"type":"user.created","data":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`
    : `{"type":"user.created","data":${"[".repeat(depth)}${"]".repeat(depth)}}`;
}

/** A body as bytes, plus whether it is a JSON object in valid UTF-8 (what ingest accepts when signed). */
function randomBody(r: Random): { bytes: Buffer; isAcceptable: boolean } {
  const roll = r.int(12);
  const utf8 = (value: string, isAcceptable: boolean) => ({ bytes: Buffer.from(value), isAcceptable });
  switch (roll) {
    case 0:
      return { bytes: Buffer.alloc(0), isAcceptable: false };
    case 1:
      return { bytes: bytes(r, 3_000), isAcceptable: false };
    case 2: {
      const good = Buffer.from(clerkEvent("user.created"));
      const at = r.int(good.length);
      return {
        bytes: Buffer.concat([good.subarray(0, at), r.pick(INVALID_UTF8), good.subarray(at)]),
        isAcceptable: false,
      };
    }
    case 3:
      return utf8(
        r.pick(['[{"type":"user.created"}]', '"user.created"', "42", "null", "true", "{", "{}}", "{}"]),
        false,
      );
    case 4:
      return utf8(deeplyNested(r), true);
    case 5: {
      // Around the size limit: just under, exactly at, just over.
      const size = MAX_BODY_BYTES + r.pick([-100, 0, 1, 5_000]);
      const prefix = '{"type":"user.updated","pad":"';
      return utf8(`${prefix}${"p".repeat(size - prefix.length - 2)}"}`, size <= MAX_BODY_BYTES);
    }
    case 6:
      return utf8(hostileJson(r), true);
    case 7:
    case 8: {
      const value = jsonValue(r, 0);
      const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
      return utf8(JSON.stringify(value) ?? "null", isObject);
    }
    default: {
      const type = r.chance(0.5) ? r.pick(CLERK_EVENT_TYPES) : text(r, 30);
      return utf8(clerkEvent(type, { first_name: text(r, 30), last_name: text(r, 30) }), true);
    }
  }
}

/** A header value as Node would hand it over: any bytes but CR, LF and NUL, read as Latin-1. */
function headerValue(r: Random, max: number): string {
  if (r.chance(0.3))
    return Buffer.from(text(r, max))
      .toString("latin1")
      .replace(/[\r\n\0]/g, "");
  return text(r, max).replace(/[^\x20-\x7e]/g, "");
}

const TOKEN = "abcdefghijklmnopqrstuvwxyz0123456789-_!#$%&'*+.^`|~";

function headerName(r: Random): string {
  const fixed = ["svix-id", "svix-timestamp", "svix-signature", "webhook-id", "webhook-timestamp", "webhook-signature"];
  if (r.chance(0.3)) return r.pick(fixed);
  if (r.chance(0.2)) return r.pick(["cookie", "authorization", "content-type", "x-forwarded-for", "user-agent"]);
  let name = "";
  for (let i = 1 + r.int(30); i > 0; i--) name += TOKEN[r.int(TOKEN.length)];
  return name;
}

function timestampFor(r: Random, nowSeconds: number): string {
  return r.pick([
    String(nowSeconds),
    String(nowSeconds),
    String(nowSeconds - 300),
    String(nowSeconds + 300),
    String(nowSeconds - 301),
    String(nowSeconds + 301),
    String(nowSeconds * 1000),
    "",
    " ",
    "0",
    "-1",
    "1e9",
    `${nowSeconds}.5`,
    `+${nowSeconds}`,
    "9".repeat(15),
    "9".repeat(16),
    "9".repeat(400),
    "NaN",
    "Infinity",
    "0x10",
    headerValue(r, 20),
  ]);
}

type IngestCase = {
  webhookId: string;
  method: string;
  headers: Headers;
  chunks: Buffer[] | null;
  /** What the answer must be when the case is simple enough to know; otherwise any documented status. */
  expect?: number;
  label: string;
};

function chunked(r: Random, body: Buffer): Buffer[] {
  if (body.length === 0) return r.chance(0.5) ? [] : [Buffer.alloc(0)];
  const chunks: Buffer[] = [];
  for (let at = 0; at < body.length; ) {
    const size = 1 + r.int(r.chance(0.2) ? 64 : 70_000);
    chunks.push(body.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

function safeAppend(headers: Headers, name: string, value: string) {
  try {
    headers.append(name, value);
  } catch {
    // The Fetch Headers class refuses some names and values outright; a server would never pass them on.
  }
}

function ingestCase(
  r: Random,
  webhooks: { active: string; inactive: string },
  acceptedIds: { id: string; body: Buffer }[],
): IngestCase {
  const now = Math.floor(Date.now() / 1000);
  const webhookRoll = r.next();
  const webhookId =
    webhookRoll < 0.85
      ? webhooks.active
      : webhookRoll < 0.9
        ? webhooks.inactive
        : webhookRoll < 0.93
          ? `wh_${"A".repeat(23)}${r.int(10)}`
          : r.pick(["", "wh_", "../../etc/passwd", "wh_' OR 1=1 --", "%00", text(r, 10_000), text(r, 30)]);
  const method = r.chance(0.9)
    ? "POST"
    : r.pick(["GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "post", " POST", "", "ＰＯＳＴ", text(r, 10)]);

  const reuse = acceptedIds.length > 0 && r.chance(0.05) ? r.pick(acceptedIds) : undefined;
  const body = reuse ? { bytes: reuse.body, isAcceptable: true } : randomBody(r);
  const headers = new Headers();
  const family = r.pick(["svix", "svix", "webhook", "mixed", "none"] as const);
  const prefix = family === "webhook" ? "webhook" : "svix";
  const id = reuse
    ? reuse.id
    : r.chance(0.8)
      ? `msg_fuzz_${r.int(2 ** 30)}_${r.int(2 ** 30)}`
      : headerValue(r, r.chance(0.05) ? 8_000 : 60);
  const timestamp = r.chance(0.7) ? String(now) : timestampFor(r, now);
  const secret = r.chance(0.9) ? CLERK_SECRET : OTHER_SECRET;
  // What ingest will read: the Fetch API strips spaces and tabs, ingest then trims like String.trim().
  const readId = id.replace(/^[ \t]+|[ \t]+$/g, "").trim();
  const goodSignature = () =>
    new Webhook(secret).sign(readId, new Date(Number(timestamp) * 1000), body.bytes.toString("utf8"));
  const signatureRoll = r.int(10);
  let signature: string;
  if (signatureRoll < 5 && /^\d{1,15}$/.test(timestamp)) signature = goodSignature();
  else if (signatureRoll === 5 && /^\d{1,15}$/.test(timestamp)) signature = goodSignature().replace(/^v1,/, "v2,");
  else if (signatureRoll === 6 && /^\d{1,15}$/.test(timestamp)) {
    signature = [headerValue(r, 30), goodSignature(), "v1,", "v1,AAAA"].join(" ");
  } else if (signatureRoll === 7) signature = Array.from({ length: 1 + r.int(2_000) }, () => "v1,abc=").join(" ");
  else signature = headerValue(r, 200);

  if (family !== "none") {
    if (r.chance(0.95)) safeAppend(headers, `${prefix}-id`, id);
    if (r.chance(0.95)) safeAppend(headers, `${prefix}-timestamp`, timestamp);
    if (r.chance(0.95)) safeAppend(headers, `${prefix}-signature`, signature);
    if (family === "mixed")
      safeAppend(headers, `webhook-${r.pick(["id", "timestamp", "signature"])}`, headerValue(r, 40));
  }
  for (let i = r.chance(0.05) ? 120 : r.int(6); i > 0; i--) {
    safeAppend(headers, headerName(r), headerValue(r, r.chance(0.05) ? 8_000 : 80));
  }
  const lengthRoll = r.int(10);
  if (lengthRoll === 0) headers.set("content-length", String(body.bytes.length));
  else if (lengthRoll === 1) headers.set("content-length", String(r.int(MAX_BODY_BYTES * 2)));
  else if (lengthRoll === 2) {
    // Huge declared sizes once answered 503 (tests/faults/absurd-content-length.test.ts).
    const huge = ["2147483648", "9".repeat(16), "1000000000000000000", "18446744073709551615", "9".repeat(30)];
    const odd = ["abc", "-1", "1e9", "", "00000000000000000000001", `${MAX_BODY_BYTES}.0`];
    headers.set("content-length", r.pick([...huge, ...odd]));
  }

  const chunks = r.chance(0.03) ? null : chunked(r, body.bytes);
  const declared = headers.get("content-length");
  const declaredTooBig = declared !== null && /^\d+$/.test(declared) && Number(declared) > MAX_BODY_BYTES;
  const size = chunks ? body.bytes.length : 0;
  const isPlainValid =
    family !== "mixed" &&
    family !== "none" &&
    headers.get(`${prefix}-id`)?.trim() === readId &&
    headers.get(`${prefix}-timestamp`) === timestamp &&
    headers.get(`${prefix}-signature`) === signature &&
    readId.length > 0 &&
    timestamp === String(now) &&
    signatureRoll < 5 &&
    secret === CLERK_SECRET &&
    (family === "webhook" ? !["svix-id", "svix-timestamp", "svix-signature"].some((name) => headers.has(name)) : true);

  let expected: number | undefined;
  if (method !== "POST") expected = 405;
  else if (webhookId !== webhooks.active && webhookId !== webhooks.inactive) expected = 404;
  else if (declaredTooBig || size > MAX_BODY_BYTES) expected = 413;
  else if (webhookId === webhooks.inactive) expected = 409;
  // The id's length is checked once the signature holds: an over-long id on a request whose body never
  // arrived (so its signature cannot match) is refused as unsigned first.
  else if (isPlainValid && chunks !== null && readId.length > MAX_MESSAGE_ID_LENGTH) expected = 400;
  else if (isPlainValid && chunks !== null && body.isAcceptable) expected = 200;
  return {
    webhookId,
    method,
    headers,
    chunks,
    expect: expected,
    label: `${family} ${method} body=${body.bytes.length}B${chunks ? ` in ${chunks.length} chunks` : " (null)"}`,
  };
}

async function* stream(chunks: Buffer[]): AsyncIterable<Uint8Array> {
  for (const chunk of chunks) yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

// ---------------------------------------------------------------------------------------------------
// Templates.

const PATHS = [
  "event",
  "event.data",
  "event.data.first_name",
  "event.data.email_addresses",
  "event.data.list",
  "event.type",
  "eventType",
  "eventUrl",
  "receivedAt",
  "webhook.name",
  "this",
  ".",
  "@root",
  "@root.event",
  "@index",
  "@key",
  "@first",
  "../event",
  "../../x",
  "[weird key]",
  "event.[__proto__]",
  "constructor",
  "__proto__",
  "__defineGetter__",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "event.constructor.prototype",
  "event.data.constructor",
  "prototype",
  "length",
];
const HELPERS = [
  "formatDate",
  "json",
  "default",
  "eq",
  "ne",
  "primaryEmail",
  "fullName",
  "lookup",
  "log",
  "if",
  "unless",
  "with",
  "each",
  "blockHelperMissing",
  "helperMissing",
  "nope",
];
const LITERALS = [
  '"x"',
  "'y'",
  "1",
  "-1",
  "1e400",
  "true",
  "false",
  "null",
  "undefined",
  '"constructor"',
  '"__proto__"',
  '"iso"',
  '"date"',
];

function argument(r: Random, depth: number): string {
  const roll = r.int(depth > 2 ? 3 : 5);
  if (roll === 0) return r.pick(PATHS);
  if (roll === 1) return r.pick(LITERALS);
  if (roll === 2) return `${text(r, 6).replace(/[^a-z]/gi, "") || "k"}=${r.pick(LITERALS)}`;
  return `(${r.pick(HELPERS)} ${Array.from({ length: r.int(3) }, () => argument(r, depth + 1)).join(" ")})`;
}

function fragment(r: Random): string {
  const args = () => Array.from({ length: r.int(4) }, () => argument(r, 0)).join(" ");
  const block = r.pick(["if", "unless", "with", "each", "lookup", "json", "default", "formatDate", "nope", "eq"]);
  switch (r.int(24)) {
    case 0:
      return "{{";
    case 1:
      return "}}";
    case 2:
      return `{{#${block} ${args()}}}`;
    case 3:
      return `{{/${r.chance(0.7) ? block : r.pick(["if", "each", "with", "x"])}}}`;
    case 4:
      return "{{else}}";
    case 5:
      return `{{${r.pick(HELPERS)} ${args()}}}`;
    case 6:
      return `{{${r.pick(PATHS)}}}`;
    case 7:
      return `{{{${r.pick(PATHS)}}}}`;
    case 8:
      return `{{&${r.pick(PATHS)}}}`;
    case 9:
      return r.pick([
        "{{> partial}}",
        "{{> (lookup . 'x')}}",
        "{{#> layout}}x{{/layout}}",
        '{{#*inline "p"}}x{{/inline}}',
        "{{*decorator}}",
      ]);
    case 10:
      return r.pick(["{{!-- comment", "--}}", "{{! short }}", "{{!-- {{#if}} --}}"]);
    case 11:
      return r.pick([
        "{{{{raw}}}}",
        "{{{{/raw}}}}",
        "\\{{escaped}}",
        "{{~",
        "~}}",
        "{{^}}",
        "{{^if x}}",
        "{{#each this as |v k|}}",
      ]);
    case 12:
      return '{{lookup this "constructor"}}{{lookup (lookup this "__proto__") "polluted"}}';
    case 13:
      return "{{#each event.data.list}}{{#each ../event.data.list}}{{#each ../../event.data.list}}{{@index}}{{/each}}{{/each}}{{/each}}";
    case 14:
      return "{{#each event.data.list}}{{json @root}}{{/each}}";
    case 15:
      return `{{formatDate ${r.pick([...PATHS, ...LITERALS])} ${r.pick(LITERALS)}}}`;
    case 16:
      return '{{#with __proto__}}{{#with (lookup this "constructor")}}{{polluted}}{{/with}}{{/with}}';
    case 17:
      return "x".repeat(r.int(r.chance(0.1) ? 20_000 : 300));
    case 18:
      return text(r, 40);
    case 19:
      return r.pick(["\n", "\r\n", "\t", "\u0000", "<script>", "<!channel>", "&amp;", "*bold*", "`code`"]);
    case 20:
      return `{{#if ${args()}}}${r.pick(PATHS)}{{else if ${args()}}}y{{/if}}`;
    case 21:
      return "{{#each event.data.list as |item index|}}{{item}}{{index}}{{/each}}";
    case 22:
      return `{{${r.pick(PATHS)}.${r.pick(PATHS)}}}`;
    default:
      return `{{#${block}}}{{/${block}}}`;
  }
}

function randomTemplate(r: Random): string {
  const presets = [
    ...listPresets("email").flatMap((p) => [p.template.title, p.template.body, p.template.text]),
    ...listPresets("slack").map((p) => p.template.body),
  ];
  const parts: string[] = [];
  if (r.chance(0.2)) parts.push(r.pick(presets));
  for (let i = r.int(r.chance(0.1) ? 200 : 25); i > 0; i--) parts.push(fragment(r));
  let source = parts.join(r.chance(0.3) ? "\n" : "");
  if (r.chance(0.03)) source = source.repeat(1 + r.int(50));
  return source;
}

function jsonSize(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value));
  } catch {
    return Number.POSITIVE_INFINITY; // nested too deeply to serialise, so too deep to have been a body
  }
}

/**
 * A context as the worker builds it (lib/delivery/template-context.ts): the event is parsed from a body
 * ingest accepted, so never more than 256 KiB of JSON, and the other fields are strings.
 */
function randomContext(r: Random): TemplateContext {
  const context = sampleTemplateContext(r.chance(0.8) ? r.pick(CLERK_EVENT_TYPES) : text(r, 30));
  let event: Record<string, unknown> = context.event;
  if (r.chance(0.4)) {
    const source = r.chance(0.3) ? hostileJson(r) : r.chance(0.2) ? deeplyNested(r) : JSON.stringify(jsonValue(r, 0));
    const parsed: unknown = source && Buffer.byteLength(source) <= MAX_BODY_BYTES ? JSON.parse(source) : {};
    event =
      typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
  }
  if (r.chance(0.5)) {
    const data = typeof event.data === "object" && event.data !== null ? event.data : {};
    const list = Array.from({ length: r.pick([0, 1, 30, 200, 2_500]) }, (_, i) =>
      r.chance(0.5) ? i : { v: text(r, 5) },
    );
    const withList = { ...event, data: { ...data, list } };
    if (jsonSize(withList) <= MAX_BODY_BYTES) event = withList;
  }
  context.event = event;
  if (r.chance(0.2)) context.eventType = text(r, 200);
  if (r.chance(0.2))
    context.receivedAt = r.pick([
      "",
      "not a date",
      "9999-99-99",
      "1970-01-01T00:00:00Z",
      text(r, 20),
      "1e400",
      "-8640000000000001",
    ]);
  if (r.chance(0.2))
    context.webhook = { id: text(r, 30), name: text(r, r.chance(0.1) ? 500 : 40), environment: text(r, 40) };
  if (r.chance(0.1)) context.eventUrl = text(r, 100);
  return context;
}

// ---------------------------------------------------------------------------------------------------

let db: Db;

beforeAll(async () => {
  db = await openTestDb();
});

describe(`fuzzing (seed ${SEED})`, () => {
  it(
    `answers ${INGEST_CASES} random requests with a documented status and never a 5xx, storing exactly what it acknowledged`,
    async () => {
      const tenant = await seedTenant(db);
      const { webhookId: active } = await webhookWithChannels(db, tenant, { email: ["fuzz@example.com"], slack: true });
      const inactive = (await createWebhook(db, tenant)).id;
      const acceptedIds: { id: string; body: Buffer }[] = [];
      const statuses = new Map<number, number>();
      let accepted = 0;
      let duplicates = 0;

      for (let i = 0; i < INGEST_CASES; i++) {
        const r = new Random((SEED ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
        const input = ingestCase(r, { active, inactive }, acceptedIds);
        const where = `HOOKBELL_SEED=${SEED} case ${i} (${input.label}, webhook ${input.webhookId.slice(0, 40)})`;
        let answer: IngestOutput;
        try {
          answer = await ingestRequest(db, {
            webhookId: input.webhookId,
            method: input.method,
            headers: input.headers,
            body: input.chunks ? stream(input.chunks) : null,
            sourceIp: r.chance(0.2) ? text(r, 64) : undefined,
          });
        } catch (error) {
          throw new Error(`ingestRequest threw at ${where}: ${String(error)}`);
        }
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (!DOCUMENTED_STATUSES.has(answer.status)) {
          throw new Error(`status ${answer.status} at ${where}: ${JSON.stringify(answer.body).slice(0, 300)}`);
        }
        if (input.expect !== undefined) expect(answer.status, where).toBe(input.expect);
        if (answer.status === 200) {
          expect(answer.body, where).toEqual(expect.objectContaining({ received: true }));
          if ("duplicate" in answer.body) duplicates++;
          else {
            accepted++;
            const id = (input.headers.get("svix-id") ?? input.headers.get("webhook-id") ?? "").trim();
            acceptedIds.push({ id, body: Buffer.concat(input.chunks ?? []) });
          }
        } else {
          expect(answer.body, where).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
        }
        if (i % 500 === 0) expectPrototypesUntouched(where);
      }

      // Every case path was reached, and what was acknowledged is exactly what is stored.
      for (const status of [200, 400, 401, 404, 405, 409, 413])
        expect(statuses.get(status), `status ${status}`).toBeGreaterThan(0);
      expect(duplicates).toBeGreaterThan(0);
      const stored = await db.event.findMany({
        where: { webhookId: active, outcome: "accepted" },
        select: { id: true, duplicateCount: true },
      });
      expect(stored).toHaveLength(accepted);
      expect(stored.reduce((sum, row) => sum + row.duplicateCount, 0)).toBe(duplicates);
      expect((await db.webhook.findUniqueOrThrow({ where: { id: active } })).eventCount).toBe(accepted);
      expect(await db.event.count({ where: { webhookId: inactive, outcome: { not: "rejected" } } })).toBe(0);
      // The outbox: one delivery per channel per accepted event.
      const deliveries = await db.delivery.findMany({
        where: { webhookId: active },
        select: { eventId: true, kind: true },
      });
      expect(deliveries).toHaveLength(accepted * 2);
      expect(new Set(deliveries.map((row) => `${row.eventId}/${row.kind}`)).size).toBe(accepted * 2);
    },
    SOAK ? 1_800_000 : 120_000,
  );

  it(
    `renders ${TEMPLATE_CASES} random templates to strings or a TemplateError, never another error, a hang or a polluted prototype`,
    () => {
      const outcomes = { rendered: 0, templateErrors: 0 };
      for (let i = 0; i < TEMPLATE_CASES; i++) {
        const r = new Random((SEED ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0);
        const context = randomContext(r);
        const source = randomTemplate(r);
        const call = r.int(5);
        const where = `HOOKBELL_SEED=${SEED} case ${i} (call ${call}, template ${JSON.stringify(source.slice(0, 300))}${source.length > 300 ? `… ${source.length} chars` : ""})`;
        const started = Date.now();
        try {
          if (call === 0) {
            const email = renderEmail({ title: source, body: randomTemplate(r), text: source, facts: "" }, context);
            for (const part of [email.subject, email.html, email.text]) expect(typeof part, where).toBe("string");
          } else if (call === 1) {
            const message = r.chance(0.5)
              ? renderSlackMessage({ title: "", body: source, text: "", facts: "" }, context)
              : renderSlackMessage({ title: source, body: randomTemplate(r), text: "", facts: source }, context);
            expect(typeof message.text, where).toBe("string");
            expect(Array.isArray(message.blocks), where).toBe(true);
            expect(message.blocks.length, where).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
            expect(message.text.trim(), where).not.toBe("");
          } else {
            const kind = call === 2 ? "slack" : "email";
            const template =
              kind === "slack"
                ? { title: "", body: source, text: "", facts: "" }
                : { title: source, body: source, text: r.chance(0.5) ? "" : source, facts: "" };
            const problems = checkTemplate(kind, template, context);
            expect(Array.isArray(problems), where).toBe(true);
            for (const problem of problems) expect(typeof problem.message, where).toBe("string");
          }
          outcomes.rendered++;
        } catch (error) {
          if (!(error instanceof TemplateError)) {
            const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
            throw new Error(`not a TemplateError at ${where}: ${detail}`);
          }
          outcomes.templateErrors++;
        }
        const took = Date.now() - started;
        if (took > HANG_MS) throw new Error(`took ${took} ms at ${where}`);
        if (i % 500 === 0) expectPrototypesUntouched(where);
      }
      expect(outcomes.rendered).toBeGreaterThan(0);
      expect(outcomes.templateErrors).toBeGreaterThan(0);
      expect(outcomes.rendered + outcomes.templateErrors).toBe(TEMPLATE_CASES);
    },
    SOAK ? 1_800_000 : 120_000,
  );
});
