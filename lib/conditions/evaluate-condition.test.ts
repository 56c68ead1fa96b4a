import { describe, expect, it } from "vitest";
import { sampleClerkEvent } from "../senders/clerk/clerk-samples";
import { CONDITION_LIMITS, type ConditionDocument, conditionDocumentSchema } from "./condition";
import { evaluateCondition } from "./evaluate-condition";

const STOPPED = "The condition needs more than 10,000 steps on this event and was stopped.";

function reasonOf(document: ConditionDocument, payload: unknown): string {
  const result = evaluateCondition(document, payload);
  if (result.matches) throw new Error(`expected no match for ${JSON.stringify(document)}`);
  return result.reason;
}

function userCreated(email: string): Record<string, unknown> {
  const event = sampleClerkEvent("user.created");
  const data = event.data as { email_addresses: { email_address: string }[] };
  data.email_addresses[0].email_address = email;
  return event;
}

describe("the example in Hookdeck's filter reference", () => {
  const example = {
    type: { $in: ["user.created", "user.updated"] },
    data: { email_addresses: { email_address: { $endsWith: "@acme.com" } } },
  };

  it("alerts on a user created with an address at the domain", () => {
    expect(evaluateCondition(example, userCreated("ada@acme.com"))).toEqual({ matches: true });
  });

  it("names the event type when the type is not in the list", () => {
    const session = sampleClerkEvent("session.created");
    expect(reasonOf(example, session)).toBe('type is "session.created", not one of "user.created", "user.updated"');
  });

  it("says no address ends with the domain when none does", () => {
    expect(reasonOf(example, userCreated("ada@example.com"))).toBe(
      'data.email_addresses has no element whose email_address ends with "@acme.com"',
    );
  });
});

describe("a document that mirrors the payload", () => {
  it("matches nested objects partially: only the fields it names count", () => {
    const payload = { type: "organization.created", data: { name: "Acme", public_metadata: { members: 12, x: 1 } } };
    expect(evaluateCondition({ data: { public_metadata: { members: { $gt: 10 } } } }, payload).matches).toBe(true);
    expect(evaluateCondition({ data: { name: "Acme" } }, payload).matches).toBe(true);
  });

  it("gives the value and the bound when a number is too small", () => {
    const payload = { data: { public_metadata: { members: 4 } } };
    expect(reasonOf({ data: { public_metadata: { members: { $gt: 10 } } } }, payload)).toBe(
      "data.public_metadata.members is 4, not greater than 10",
    );
  });

  it("does not match a missing field, and names it", () => {
    const event = sampleClerkEvent("user.created");
    expect(reasonOf({ data: { plan: "pro" } }, event)).toBe("data.plan is missing");
    expect(reasonOf({ data: { plan: { $neq: "free" } } }, event)).toBe("data.plan is missing");
    expect(reasonOf({ data: { billing: { plan: "pro" } } }, event)).toBe("data.billing is missing");
  });

  it("matches every event with an empty document", () => {
    expect(evaluateCondition({}, sampleClerkEvent("session.created"))).toEqual({ matches: true });
  });

  it("reads only the payload's own fields, never inherited ones", () => {
    expect(reasonOf({ constructor: { $exist: true } }, {})).toBe("constructor is missing");
    const payload = JSON.parse('{"__proto__": {"admin": true}}');
    expect(reasonOf({ admin: true }, payload)).toBe("admin is missing");
    expect(evaluateCondition({ toString: { $exist: false } }, {}).matches).toBe(true);
  });
});

describe("each operator", () => {
  // [operator, operand, a value that matches, a value that does not, the reason for the latter]
  const cases: [string, unknown, unknown, unknown, string][] = [
    ["$eq", "pro", "pro", "free", 'data.plan is "free", not "pro"'],
    ["$neq", "free", "pro", "free", 'data.plan is "free", which the condition excludes'],
    ["$gt", 10, 11, 10, "data.plan is 10, not greater than 10"],
    ["$gte", 10, 10, 9, "data.plan is 9, not greater than or equal to 10"],
    ["$lt", 10, 9, 10, "data.plan is 10, not less than 10"],
    ["$lte", 10, 10, 11, "data.plan is 11, not less than or equal to 10"],
    ["$in", ["pro", "team"], "team", "free", 'data.plan is "free", not one of "pro", "team"'],
    [
      "$in",
      "@acme",
      "ada@acme.com",
      "ada@example.com",
      'data.plan is "ada@example.com", which does not contain "@acme"',
    ],
    ["$nin", ["free", "trial"], "pro", "trial", 'data.plan is "trial", one of the excluded values "free", "trial"'],
    ["$nin", "test", "ada@acme.com", "test@acme.com", 'data.plan is "test@acme.com", which contains "test"'],
    ["$startsWith", "user_", "user_2p", "org_2p", 'data.plan is "org_2p", which does not start with "user_"'],
    [
      "$endsWith",
      "@acme.com",
      "ada@acme.com",
      "ada@acme.co",
      'data.plan is "ada@acme.co", which does not end with "@acme.com"',
    ],
    ["$exist", true, null, undefined, "data.plan is missing"],
    ["$exist", false, undefined, "pro", 'data.plan is present ("pro"), but the condition needs it missing'],
  ];

  it.each(cases)("%s %j matches %j and not %j", (operator, operand, matching, other, reason) => {
    const document = { data: { plan: { [operator]: operand } } };
    const payload = (plan: unknown) => ({ data: plan === undefined ? {} : { plan } });
    expect(evaluateCondition(document, payload(matching))).toEqual({ matches: true });
    expect(evaluateCondition(document, payload(other))).toEqual({ matches: false, reason });
  });

  it("holds every operator of one object together", () => {
    const between = { data: { members: { $gte: 5, $lt: 10 } } };
    expect(evaluateCondition(between, { data: { members: 7 } }).matches).toBe(true);
    expect(reasonOf(between, { data: { members: 12 } })).toBe("data.members is 12, not less than 10");
  });

  it("orders texts by code unit, so ISO dates compare by time", () => {
    const after = { data: { created_at: { $gt: "2026-01-01T00:00:00Z" } } };
    expect(evaluateCondition(after, { data: { created_at: "2026-03-04T10:00:00Z" } }).matches).toBe(true);
    expect(evaluateCondition(after, { data: { created_at: "2025-12-31T23:59:59Z" } }).matches).toBe(false);
  });

  it("compares a whole list or object with $eq and $neq", () => {
    expect(evaluateCondition({ tags: { $eq: ["a", "b"] } }, { tags: ["a", "b"] }).matches).toBe(true);
    expect(reasonOf({ tags: { $eq: ["a", "b"] } }, { tags: ["a", "b", "c"] })).toBe(
      'tags is a list of 3 items, not equal to ["a","b"]',
    );
    expect(evaluateCondition({ meta: { $eq: { tier: 2 } } }, { meta: { tier: 2 } }).matches).toBe(true);
    expect(evaluateCondition({ meta: { $eq: { tier: 2 } } }, { meta: { tier: 2, extra: 1 } }).matches).toBe(false);
    expect(evaluateCondition({ meta: { $neq: { tier: 2 } } }, { meta: { tier: 3 } }).matches).toBe(true);
  });
});

describe("primitives compare loosely", () => {
  it("takes a number and its text, and a boolean and its text, as equal", () => {
    expect(evaluateCondition({ n: 10 }, { n: "10" }).matches).toBe(true);
    expect(evaluateCondition({ n: "10" }, { n: 10 }).matches).toBe(true);
    expect(evaluateCondition({ n: { $gt: "9" } }, { n: 10 }).matches).toBe(true);
    expect(evaluateCondition({ n: { $gt: "9" } }, { n: "10" }).matches).toBe(true);
    expect(evaluateCondition({ ok: true }, { ok: "true" }).matches).toBe(true);
    expect(evaluateCondition({ n: { $in: [1, 2] } }, { n: "2" }).matches).toBe(true);
  });

  it("does not take an empty text as zero, or a boolean as a number", () => {
    expect(evaluateCondition({ n: 0 }, { n: "" }).matches).toBe(false);
    expect(evaluateCondition({ n: 0 }, { n: "  " }).matches).toBe(false);
    expect(evaluateCondition({ ok: true }, { ok: 1 }).matches).toBe(false);
    expect(reasonOf({ n: null }, { n: 0 })).toBe("n is 0, not null");
  });
});

describe("type mismatches do not match, and say so", () => {
  it("refuses to order values that are not numbers or texts", () => {
    expect(reasonOf({ n: { $gt: 10 } }, { n: "many" })).toBe(
      'n is "many" (a string), which cannot be compared with 10',
    );
    expect(reasonOf({ n: { $lt: 10 } }, { n: true })).toBe("n is true (a boolean), which cannot be compared with 10");
    expect(reasonOf({ n: { $gte: 1 } }, { n: null })).toBe("n is null, which cannot be compared with 1");
  });

  it("does not run text operators on other kinds", () => {
    expect(reasonOf({ id: { $startsWith: "user_" } }, { id: 42 })).toBe("id is 42 (a number), not a text");
    expect(reasonOf({ id: { $in: "user" } }, { id: { a: 1 } })).toBe("id is an object, not a text");
    expect(reasonOf({ id: { $nin: ["a"] } }, { id: { a: 1 } })).toBe(
      "id is an object, which cannot be looked up in a list",
    );
  });

  it("does not look for fields inside a value that is not an object", () => {
    expect(reasonOf({ data: { plan: "pro" } }, { data: "pro" })).toBe('data is "pro" (a string), not an object');
    expect(reasonOf({ data: { tags: ["a"] } }, { data: { tags: "a" } })).toBe(
      'data.tags is "a" (a string), not a list',
    );
    expect(reasonOf({ data: "x" }, { data: { x: 1 } })).toBe('data is an object, not "x"');
  });

  it("never throws on a payload that is not an object", () => {
    for (const payload of [null, undefined, "text", 42, true, [], [1, 2]]) {
      expect(evaluateCondition({ type: "user.created" }, payload).matches).toBe(false);
    }
    expect(reasonOf({ type: "user.created" }, "text")).toBe('The event is "text" (a string), not an object');
  });
});

describe("lists in the payload", () => {
  const payload = { data: { tags: ["gift", "something", "another"], scores: [1, 20], items: [{ sku: "a", qty: 1 }] } };

  it("reads a plain value as 'contains'", () => {
    expect(evaluateCondition({ data: { tags: "gift" } }, payload).matches).toBe(true);
    expect(reasonOf({ data: { tags: "nope" } }, payload)).toBe('data.tags has no element equal to "nope"');
  });

  it("reads a list as 'contains all', and names the one missing", () => {
    expect(evaluateCondition({ data: { tags: ["gift", "another"] } }, payload).matches).toBe(true);
    expect(reasonOf({ data: { tags: ["gift", "nope"] } }, payload)).toBe('data.tags has no element equal to "nope"');
  });

  it("reads an object as 'some element matches'", () => {
    expect(evaluateCondition({ data: { items: { sku: "a" } } }, payload).matches).toBe(true);
    expect(reasonOf({ data: { items: { sku: "a", qty: { $gt: 1 } } } }, payload)).toBe(
      'data.items has no element whose sku equals "a" and qty is greater than 1',
    );
  });

  it("holds the operators of one object for the same element", () => {
    expect(reasonOf({ data: { scores: { $gt: 5, $lt: 10 } } }, payload)).toBe(
      "data.scores has no element that is greater than 5 and is less than 10",
    );
    expect(evaluateCondition({ data: { scores: { $gt: 5, $lt: 30 } } }, payload).matches).toBe(true);
  });

  it("reads $neq and $nin on a list as 'contains none'", () => {
    expect(evaluateCondition({ data: { tags: { $neq: "spam" } } }, payload).matches).toBe(true);
    expect(reasonOf({ data: { tags: { $neq: "gift" } } }, payload)).toBe(
      'data.tags contains "gift", which the condition excludes',
    );
    expect(reasonOf({ data: { tags: { $nin: ["x", "another"] } } }, payload)).toBe(
      'data.tags contains "another", which the condition excludes',
    );
  });
});

describe("$and, $or and $not", () => {
  const event = sampleClerkEvent("user.created");

  it("needs every branch of $and, and reports the first that fails", () => {
    const document = { $and: [{ type: "user.created" }, { data: { first_name: "Grace" } }] };
    expect(reasonOf(document, event)).toBe('data.first_name is "Ada", not "Grace"');
    expect(
      evaluateCondition({ $and: [{ type: "user.created" }, { data: { first_name: "Ada" } }] }, event).matches,
    ).toBe(true);
  });

  it("needs one branch of $or, and lists why each failed", () => {
    expect(evaluateCondition({ $or: [{ type: "session.created" }, { type: "user.created" }] }, event).matches).toBe(
      true,
    );
    expect(reasonOf({ $or: [{ type: "session.created" }, { data: { plan: "pro" } }] }, event)).toBe(
      'None of the alternatives matched: type is "user.created", not "session.created"; data.plan is missing',
    );
  });

  it("takes $or beside a plain value, as in Hookdeck's reference", () => {
    const document = { product: { inventory: { $or: [1, 5] } } };
    expect(evaluateCondition(document, { product: { inventory: 5 } }).matches).toBe(true);
    expect(evaluateCondition(document, { product: { inventory: 3 } }).matches).toBe(false);
  });

  it("excludes what $not matches, and says what it excluded", () => {
    expect(evaluateCondition({ $not: { type: "session.created" } }, event).matches).toBe(true);
    expect(reasonOf({ data: { $not: { first_name: { $startsWith: "A" } } } }, event)).toBe(
      'data.first_name starts with "A", which the condition excludes',
    );
  });
});

describe("$ref: another field's value", () => {
  it("compares a field with another, as in Hookdeck's reference", () => {
    const document = { updated_at: { $ref: "created_at" } };
    expect(evaluateCondition(document, { updated_at: "2020-04-20", created_at: "2020-04-20" }).matches).toBe(true);
    expect(reasonOf(document, { updated_at: "2020-05-20", created_at: "2020-04-20" })).toBe(
      'updated_at is "2020-05-20", not "2020-04-20"',
    );
  });

  it("takes a referenced value as an operator's operand", () => {
    const document = { inventory: { $lte: { $ref: "old_inventory" } } };
    expect(evaluateCondition(document, { inventory: 0, old_inventory: 10 }).matches).toBe(true);
    expect(reasonOf(document, { inventory: 12, old_inventory: 10 })).toBe(
      "inventory is 12, not less than or equal to 10",
    );
    const inList = { data: { id: { $in: { $ref: "data.allowed" } } } };
    expect(evaluateCondition(inList, { data: { id: "u2", allowed: ["u1", "u2"] } }).matches).toBe(true);
    expect(reasonOf(inList, { data: { id: "u3", allowed: ["u1", "u2"] } })).toBe(
      'data.id is "u3", not one of "u1", "u2"',
    );
  });

  it("follows list indexes, and does not match when the other field is missing", () => {
    const payload = { variants: [{ created_at: "2020-04-20" }], updated_at: "2020-04-20" };
    expect(evaluateCondition({ updated_at: { $ref: "variants[0].created_at" } }, payload).matches).toBe(true);
    expect(evaluateCondition({ updated_at: { $ref: "variants.0.created_at" } }, payload).matches).toBe(true);
    expect(reasonOf({ updated_at: { $ref: "variants[3].created_at" } }, payload)).toBe(
      "variants[3].created_at is missing, so nothing to compare with",
    );
    expect(reasonOf({ updated_at: { $ref: "constructor.name" } }, payload)).toBe(
      "constructor.name is missing, so nothing to compare with",
    );
  });

  it("keeps the budget when a reference points at a huge list", () => {
    const numbers = Array.from({ length: 1_000_000 }, (_, i) => i);
    const almost = [...numbers.slice(0, -1), -1];
    expect(reasonOf({ n: { $ref: "numbers" } }, { n: almost, numbers })).toBe(STOPPED);
    expect(reasonOf({ n: { $ref: "numbers" } }, { n: [0, 1], numbers })).toBe(
      "n is a list of 2 items, not equal to [0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22…",
    );
  });
});

describe("the step budget", () => {
  it("stops on a list of a million elements and says why", () => {
    const items = Array.from({ length: 1_000_000 }, (_, i) => ({ sku: `s${i}` }));
    expect(reasonOf({ data: { items: { sku: "missing" } } }, { data: { items } })).toBe(STOPPED);
    const numbers = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(reasonOf({ data: { numbers: -1 } }, { data: { numbers } })).toBe(STOPPED);
    expect(reasonOf({ data: { numbers: { $nin: [-1] } } }, { data: { numbers } })).toBe(STOPPED);
  });

  it("still finds an element early in a huge list, since only what is looked at counts", () => {
    const numbers = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(evaluateCondition({ data: { numbers: 42 } }, { data: { numbers } })).toEqual({ matches: true });
  });

  it("charges a substring search by the text's length", () => {
    const huge = "a".repeat(20_000_000);
    expect(reasonOf({ note: { $in: "needle" } }, { note: huge })).toBe(STOPPED);
    expect(evaluateCondition({ note: { $startsWith: "aaa" } }, { note: huge }).matches).toBe(true);
  });

  it("follows only the document's paths through a deeply nested payload", () => {
    let deep: unknown = { leaf: true };
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    expect(reasonOf({ type: "user.created" }, { type: "x", data: deep })).toBe('type is "x", not "user.created"');
    let lists: unknown = [1];
    for (let i = 0; i < 100_000; i++) lists = [lists];
    expect(reasonOf({ data: { sku: "a" } }, { data: lists })).toBe('data has no element whose sku equals "a"');
  });

  it("checks a condition as deep as the schema allows through lists at every level of the payload", () => {
    let document: unknown = "leaf";
    let payload: unknown = "leaf";
    for (let i = 0; i < CONDITION_LIMITS.maxDepth - 1; i++) {
      document = { n: document };
      payload = { n: [payload] };
    }
    expect(conditionDocumentSchema.safeParse(document).success).toBe(true);
    expect(evaluateCondition(document as ConditionDocument, payload)).toEqual({ matches: true });
  });

  it("keeps deep equality within the budget on a huge payload object", () => {
    const wide = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i]));
    expect(reasonOf({ meta: { $eq: { k0: 0 } } }, { meta: wide })).toBe('meta is an object, not equal to {"k0":0}');
  });

  it("stops a document that asks for more steps than the budget on an ordinary event", () => {
    const tags = Array.from({ length: 100 }, (_, i) => `t${i}`);
    const document = { $or: Array.from({ length: 200 }, (_, i) => ({ tags: `absent${i}` })) };
    expect(CONDITION_LIMITS.maxSteps).toBeLessThan(100 * 200);
    expect(reasonOf(document, { tags })).toBe(STOPPED);
  });
});

describe("reasons", () => {
  it("stay within 300 characters and cut long values with …", () => {
    const long = "x".repeat(5_000);
    const reason = reasonOf({ data: { name: long } }, { data: { name: `y${long}` } });
    expect(reason.length).toBeLessThanOrEqual(300);
    expect(reason).toContain("…");
    const many = { $or: Array.from({ length: 40 }, (_, i) => ({ [`field_${i}`]: "value" })) };
    expect(reasonOf(many, {}).length).toBeLessThanOrEqual(300);
  });

  it("escape what they quote, so a payload cannot forge a log line", () => {
    const reason = reasonOf({ name: "Ada" }, { name: 'Eve"\nreason: forged' });
    expect(reason).not.toContain("\n");
    expect(reason).toBe('name is "Eve\\"\\nreason: forged", not "Ada"');
  });
});

describe("any accepted document on any payload", () => {
  // A seeded generator, so a failure is reproducible: documents and payloads from the same few field names,
  // so that paths meet.
  function generator(seed: number) {
    let state = seed;
    const next = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const names = ["a", "b", "type", "data", "tags", "constructor"];
    const operators = ["$eq", "$neq", "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$startsWith", "$endsWith"];
    const primitive = () => pick<unknown>([0, 1, 10, "10", "a", "ab", "", true, false, null, "true", -1.5]);
    const payload = (depth: number): unknown => {
      const roll = next();
      if (depth > 3 || roll < 0.35) return primitive();
      if (roll < 0.6) return Array.from({ length: Math.floor(next() * 4) }, () => payload(depth + 1));
      return Object.fromEntries(
        Array.from({ length: 1 + Math.floor(next() * 3) }, () => [pick(names), payload(depth + 1)]),
      );
    };
    const filter = (depth: number): unknown => {
      const roll = next();
      if (depth > 3 || roll < 0.25) return primitive();
      if (roll < 0.35) return [primitive(), primitive()];
      if (roll < 0.55) return { [pick(operators)]: pick<unknown>([primitive(), ["a", 1], "a"]) };
      if (roll < 0.62) return { $exist: next() < 0.5 };
      if (roll < 0.7) return { [pick(["$and", "$or"])]: [filter(depth + 1), filter(depth + 1)] };
      if (roll < 0.75) return { $not: filter(depth + 1) };
      if (roll < 0.8) return { $ref: pick(names) };
      return Object.fromEntries(
        Array.from({ length: 1 + Math.floor(next() * 2) }, () => [pick(names), filter(depth + 1)]),
      );
    };
    return { payload: () => payload(0), document: () => ({ [pick(names)]: filter(1) }) };
  }

  it("answers a match or a short reason, and is never stuck", () => {
    const random = generator(20261203);
    let accepted = 0;
    let matched = 0;
    for (let i = 0; i < 3_000; i++) {
      const parsed = conditionDocumentSchema.safeParse(random.document());
      if (!parsed.success) continue;
      accepted += 1;
      const result = evaluateCondition(parsed.data, random.payload());
      if (result.matches) {
        matched += 1;
        continue;
      }
      expect(result.reason.length).toBeGreaterThan(0);
      expect(result.reason.length).toBeLessThanOrEqual(300);
      expect(result.reason).not.toBe("The condition could not be checked on this event.");
    }
    expect(accepted).toBeGreaterThan(1_500);
    expect(matched).toBeGreaterThan(100);
  });
});
