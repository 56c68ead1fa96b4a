import { describe, expect, it } from "vitest";
import { changedFields } from "./changed-fields";
import { fullName, nameWithEmail, primaryEmail } from "./clerk-fields";
import { formatDate } from "./format-date";
import { formatDuration } from "./format-duration";
import { formatPrice } from "./format-price";
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

describe("price", () => {
  it("formats a decimal string in major units with the currency's symbol and decimals", () => {
    const order = { total_price: "49.00", currency: "USD" };
    expect(render("{{price event.total_price event.currency}}", order)).toBe("$49.00");
    expect(formatPrice("1234.5", "eur")).toBe("€1,234.50");
    expect(formatPrice("1500", "JPY")).toBe("¥1,500");
    expect(formatPrice(19.99, "GBP")).toBe("£19.99");
    expect(formatPrice("-5.00", "USD")).toBe("-$5.00");
  });

  it("reads the amount as major units, unlike money's minor units", () => {
    expect(render('{{price "20.00" "usd"}} / {{money 2000 "usd"}}')).toBe("$20.00 / $20.00");
    expect(formatPrice("2000", "usd")).toBe("$2,000.00");
  });

  it("shows the bare amount for an unknown currency and nothing for what is not a number", () => {
    expect(formatPrice("49.00", "not a currency")).toBe("49.00");
    expect(formatPrice("49.00", undefined)).toBe("49.00");
    for (const value of ["", "forty", "1e3", "1.2.3", null, undefined, {}, Number.NaN]) {
      expect(formatPrice(value, "USD")).toBe("");
    }
    expect(render("[{{price event.missing event.currency}}]", { currency: "USD" })).toBe("[]");
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

describe("changedFields", () => {
  const each =
    '{{#each (changedFields event.record event.old_record 8 "updated_at")}}{{label}}: {{from}} → {{to}};{{/each}}';

  it("lists the fields whose value changed, old and new, in the new row's order, skipping the keys named", () => {
    const old_record = {
      id: 7,
      status: "pending",
      total: 4200,
      paid_at: null,
      updated_at: "a",
      tags: ["x"],
      note: "same",
    };
    const record = {
      id: 7,
      status: "paid",
      total: 4200,
      paid_at: 1795442700,
      updated_at: "b",
      tags: ["x", "y"],
      note: "same",
    };
    expect(render(each, { record, old_record })).toBe(
      "Status: pending → paid;Paid at: (empty) → 23 Nov 2026, 14:05 UTC;Tags: (list) → (list);",
    );
  });

  it("names a field added or removed, and nothing for equal rows or anything but two objects", () => {
    expect(changedFields({ a: 1, b: "new" }, { a: 1, c: true }, 8)).toEqual([
      { key: "b", label: "B", from: "(empty)", to: "new" },
      { key: "c", label: "C", from: "yes", to: "(empty)" },
    ]);
    expect(changedFields({ a: { deep: [1] } }, { a: { deep: [1] } }, 8)).toEqual([]);
    expect(changedFields({ a: 1 }, null, 8)).toEqual([]);
    expect(changedFields([1], [2], 8)).toEqual([]);
  });

  it("stops at the count asked for, never more than 20, and cuts long values", () => {
    const before = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "old"]));
    const after = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "n".repeat(500)]));
    expect(changedFields(after, before, 3).map((field) => field.key)).toEqual(["k0", "k1", "k2"]);
    expect(changedFields(after, before, 1000)).toHaveLength(KEY_FIELDS_MAX);
    expect(changedFields(after, before, 1)[0].to).toHaveLength(KEY_FIELD_VALUE_MAX);
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
