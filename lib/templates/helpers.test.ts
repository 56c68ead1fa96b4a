import { describe, expect, it } from "vitest";
import { fullName, nameWithEmail, primaryEmail } from "./clerk-fields";
import { formatDate } from "./format-date";
import { formatDuration } from "./format-duration";
import { keyFields } from "./key-fields";
import { KEY_FIELD_VALUE_MAX, KEY_FIELDS_MAX, KEY_FIELDS_SCANNED } from "./limits";
import type { TemplateContext } from "./presets";
import { refName } from "./ref-name";
import { renderEmail } from "./render-email";
import { sampleTemplateContext } from "./sample-context";

const NOW = new Date("2026-11-23T14:05:00Z");

/** Renders `source` as a plain-text email body against `event` (a sample user.created by default). */
function render(source: string, event?: Record<string, unknown>): string {
  const context: TemplateContext = {
    ...sampleTemplateContext("user.created", { now: NOW }),
    ...(event ? { event } : {}),
  };
  return renderEmail({ title: "s", body: "", text: source, facts: "" }, context).text;
}

describe("formatDate", () => {
  it("reads epoch seconds and milliseconds as the same instant", () => {
    expect(render("{{formatDate 1795442700}}")).toBe("23 Nov 2026, 14:05 UTC");
    expect(render("{{formatDate 1795442700000}}")).toBe("23 Nov 2026, 14:05 UTC");
    expect(render('{{formatDate "1795442700"}}')).toBe("23 Nov 2026, 14:05 UTC");
  });

  it("reads ISO strings and offers date, time and iso formats, always in UTC", () => {
    expect(render('{{formatDate "2026-11-23T16:05:09+02:00"}}')).toBe("23 Nov 2026, 14:05 UTC");
    expect(render('{{formatDate receivedAt "date"}}')).toBe("23 Nov 2026");
    expect(render('{{formatDate receivedAt "time"}}')).toBe("14:05 UTC");
    expect(render('{{formatDate receivedAt "iso"}}')).toBe("2026-11-23T14:05:00.000Z");
    expect(formatDate(new Date("2026-01-05T03:04:00Z"))).toBe("5 Jan 2026, 03:04 UTC");
  });

  it("tolerates missing and odd values", () => {
    expect(render("[{{formatDate nothing.here}}]")).toBe("[]");
    expect(render('[{{formatDate "next tuesday"}}]')).toBe("[next tuesday]");
    expect(render("[{{formatDate event.data}}]")).toBe("[]");
    expect(render("[{{formatDate}}]")).toBe("[]");
  });
});

describe("json, default, eq and ne", () => {
  it("prints values as indented JSON", () => {
    expect(render("{{json event.data.public_metadata}}", { data: { public_metadata: { plan: "pro" } } })).toBe(
      '{\n  "plan": "pro"\n}',
    );
    expect(render("[{{json missing}}]")).toBe("[]");
  });

  it("caps long JSON", () => {
    const out = render("{{json event.data}}", { data: { big: "x".repeat(30_000) } });
    expect(out.length).toBe(20_001);
    expect(out.endsWith("…")).toBe(true);
  });

  it("falls back only for null, undefined and the empty string", () => {
    const event = { data: { empty: "", zero: 0, no: false, nil: null } };
    expect(
      render('{{default event.data.empty "x"}}|{{default event.data.nil "x"}}|{{default missing "x"}}', event),
    ).toBe("x|x|x");
    expect(render('{{default event.data.zero "x"}}|{{default event.data.no "x"}}', event)).toBe("0|false");
  });

  it("compares in conditions", () => {
    const source =
      '{{#if (eq event.type "user.created")}}yes{{else}}no{{/if}}-{{#if (ne event.type "user.created")}}ne{{/if}}';
    expect(render(source, { type: "user.created" })).toBe("yes-");
    expect(render(source, { type: "user.deleted" })).toBe("no-ne");
    expect(render("{{#if (eq event.data.count 2)}}two{{/if}}", { data: { count: 2 } })).toBe("two");
  });
});

describe("primaryEmail and fullName", () => {
  const user = {
    first_name: "Ada",
    last_name: "Lovelace",
    username: "ada",
    primary_email_address_id: "idn_2",
    email_addresses: [
      { id: "idn_1", email_address: "old@example.com" },
      { id: "idn_2", email_address: "ada@example.com" },
    ],
  };

  it("picks the primary address, not the first", () => {
    expect(primaryEmail(user)).toBe("ada@example.com");
    expect(render("{{primaryEmail event.data}}", { data: user })).toBe("ada@example.com");
  });

  it("falls back to the first address, then an email_address field", () => {
    expect(primaryEmail({ ...user, primary_email_address_id: "idn_gone" })).toBe("old@example.com");
    expect(primaryEmail({ email_address: "invitee@example.com" })).toBe("invitee@example.com");
    expect(primaryEmail({ email_addresses: "nonsense" })).toBe("");
    expect(primaryEmail(null)).toBe("");
    expect(primaryEmail("ada@example.com")).toBe("");
  });

  it("builds a full name with fallbacks", () => {
    expect(fullName(user)).toBe("Ada Lovelace");
    expect(fullName({ ...user, last_name: null })).toBe("Ada");
    expect(fullName({ ...user, first_name: " ", last_name: null })).toBe("ada");
    expect(fullName({ ...user, first_name: null, last_name: null, username: null })).toBe("ada@example.com");
    expect(fullName({ public_user_data: { first_name: "Grace", last_name: "Hopper" } })).toBe("Grace Hopper");
    expect(fullName({ public_user_data: { identifier: "grace@example.com" } })).toBe("grace@example.com");
    expect(fullName({})).toBe("");
    expect(fullName(undefined)).toBe("");
    expect(render("[{{fullName nothing}}]")).toBe("[]");
  });
});

describe("formatDuration", () => {
  it("states seconds in the two largest whole units", () => {
    expect(
      render("{{formatDuration event.data.lockout_expires_in_seconds}}", {
        data: { lockout_expires_in_seconds: 3600 },
      }),
    ).toBe("1 hour");
    expect(formatDuration(5430)).toBe("1 hour 30 minutes");
    expect(formatDuration(90_061)).toBe("1 day 1 hour");
    expect(formatDuration(86_400 + 59)).toBe("1 day");
    expect(formatDuration(45)).toBe("45 seconds");
    expect(formatDuration("120")).toBe("2 minutes");
    expect(formatDuration(0)).toBe("0 seconds");
  });

  it("gives nothing for what is not a duration", () => {
    for (const value of [null, undefined, "", "soon", -5, Number.NaN, {}]) expect(formatDuration(value)).toBe("");
  });
});

describe("nameWithEmail", () => {
  it("puts the primary email beside the name, once, and falls back to whichever there is", () => {
    const user = { first_name: "Ada", last_name: "Lovelace", email_addresses: [{ email_address: "ada@example.com" }] };
    expect(render("{{nameWithEmail event.data}}", { data: user })).toBe("Ada Lovelace (ada@example.com)");
    expect(nameWithEmail({ ...user, first_name: null, last_name: null })).toBe("ada@example.com");
    expect(nameWithEmail({ first_name: "Ada" })).toBe("Ada");
    expect(nameWithEmail({ public_user_data: { identifier: "grace@example.com" } })).toBe("grace@example.com");
    expect(nameWithEmail(null)).toBe("");
  });
});

describe("keyFields", () => {
  const each = '{{#each (keyFields event.data 8 "id" "object")}}{{label}}={{value}};{{/each}}';

  it("lists top-level scalar fields with readable labels, dates formatted, nested values and blanks left out", () => {
    const data = {
      id: "user_1",
      object: "user",
      email_address: "ada@example.com",
      createdAt: "yes",
      image_url: "https://img.example/1",
      banned: false,
      created_at: 1795442700000,
      count: 3,
      nested: { deep: true },
      list: [1, 2],
      nothing: null,
      blank: " ",
    };
    expect(render(each, { data })).toBe(
      "Email address=ada@example.com;Created at=yes;Image URL=https://img.example/1;Banned=no;" +
        "Created at=23 Nov 2026, 14:05 UTC;Count=3;",
    );
  });

  it("stops at the count asked for, never more than 20, and cuts long values", () => {
    const data = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, `${i}`.repeat(i === 1 ? 500 : 1)]));
    expect(keyFields(data, 3).map((field) => field.key)).toEqual(["k0", "k1", "k2"]);
    expect(keyFields(data, 1000)).toHaveLength(KEY_FIELDS_MAX);
    expect(keyFields(data, 3)[1].value).toHaveLength(KEY_FIELD_VALUE_MAX);
    expect(keyFields(data, 3)[1].value.endsWith("…")).toBe(true);
    expect(keyFields(data, "nonsense")).toEqual([]);
    expect(keyFields("not an object", 8)).toEqual([]);
    expect(keyFields([1, 2, 3], 8)).toEqual([]);
  });

  it("looks at a bounded number of keys, so a payload of objects with one scalar at the end costs little", () => {
    const data: Record<string, unknown> = Object.fromEntries(
      Array.from({ length: KEY_FIELDS_SCANNED + 50 }, (_, i) => [`k${i}`, {}]),
    );
    data.last = "found";
    expect(keyFields(data, 8)).toEqual([]);
  });

  it("charges what it returns to the render's output budget", () => {
    const data = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, "x".repeat(200)]));
    const source = `{{#each event.list}}{{#each (keyFields ../event.data 20)}}{{/each}}{{/each}}`;
    const list = Array.from({ length: 400 }, (_, i) => i);
    // 400 calls × about 4,600 characters each passes the 1,000,000-character budget without printing a thing.
    expect(() => render(source, { data, list })).toThrow(/more than 1000000 characters/);
  });
});

describe("refName", () => {
  it("turns a pushed branch or tag ref into its short name", () => {
    expect(render("{{refName event.ref}}", { ref: "refs/heads/main" })).toBe("main");
    expect(render("{{refName event.ref}}", { ref: "refs/heads/feature/login-form" })).toBe("feature/login-form");
    expect(render("{{refName event.ref}}", { ref: "refs/tags/v1.2.0" })).toBe("v1.2.0");
  });

  it("leaves other refs alone and prints nothing for a missing or odd value", () => {
    expect(refName("refs/pull/2/merge")).toBe("refs/pull/2/merge");
    expect(refName("main")).toBe("main");
    expect(render("[{{refName event.missing}}]", {})).toBe("[]");
    expect(refName(42)).toBe("");
  });
});
