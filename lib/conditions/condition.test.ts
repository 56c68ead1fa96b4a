import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toUserMessage } from "../errors";
import { CONDITION_LIMITS, conditionDocumentSchema } from "./condition";
import { evaluateCondition } from "./evaluate-condition";

function problemOf(input: unknown): string {
  const result = conditionDocumentSchema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)?.slice(0, 80)} to be refused`);
  expect(result.error.issues).toHaveLength(1);
  return result.error.issues[0].message;
}

const OPERATORS = "$eq, $neq, $gt, $gte, $lt, $lte, $in, $nin, $startsWith, $endsWith, $exist, $and, $or, $not, $ref";

describe("the condition schema", () => {
  it("accepts Hookdeck's example and gives back the same document", () => {
    const example = {
      type: { $in: ["user.created", "user.updated"] },
      data: { email_addresses: { email_address: { $endsWith: "@acme.com" } } },
    };
    expect(conditionDocumentSchema.parse(example)).toEqual(example);
    expect(conditionDocumentSchema.parse({})).toEqual({});
  });

  it("refuses an operator it does not support, naming where and what to use instead", () => {
    expect(problemOf({ data: { email_addresses: { $regex: ".*@acme" } } })).toBe(
      `data.email_addresses: $regex is not an operator Hookbell supports; use one of ${OPERATORS}.`,
    );
    expect(problemOf({ $where: "this.a > 1" })).toBe(
      `$where is not an operator Hookbell supports; use one of ${OPERATORS}.`,
    );
  });

  it("refuses operands of the wrong kind", () => {
    expect(problemOf({ data: { plan: { $exist: "yes" } } })).toBe("data.plan: $exist takes true or false.");
    expect(problemOf({ id: { $startsWith: 1 } })).toBe("id: $startsWith takes a text.");
    expect(problemOf({ n: { $gt: [1] } })).toBe("n: $gt takes a number or a text.");
    expect(problemOf({ type: { $in: [] } })).toBe(
      'type: $in takes a list of values, such as ["user.created", "user.updated"], or a text to look for.',
    );
    expect(problemOf({ type: { $nin: [{ a: 1 }] } })).toContain("type: $nin takes a list of values");
    expect(problemOf({ $or: [] })).toBe(
      '$or takes a list of conditions, such as [{"type": "user.created"}, {"type": "user.updated"}].',
    );
    expect(problemOf({ $or: [{ type: "a" }, { data: { $bad: 1 } }] })).toBe(
      `$or[1].data: $bad is not an operator Hookbell supports; use one of ${OPERATORS}.`,
    );
  });

  it("accepts $ref as a value or an operand, and refuses one it cannot follow", () => {
    for (const document of [
      { updated_at: { $ref: "created_at" } },
      { inventory: { $lte: { $ref: "old_inventory" } } },
      { data: { id: { $in: { $ref: "data.allowed_ids" } } } },
      { variants: { updated_at: { $ref: "variants[0].created_at" } } },
    ]) {
      expect(conditionDocumentSchema.parse(document)).toEqual(document);
    }
    const usage =
      'a: $ref takes a path to another field of the event, such as {"$ref": "data.created_at"} (at most 32 parts, no $index).';
    expect(problemOf({ a: { $ref: 1 } })).toBe(usage);
    expect(problemOf({ a: { $ref: "variants[$index].created_at" } })).toBe(usage);
    expect(problemOf({ a: { $ref: "b..c" } })).toBe(usage);
    expect(problemOf({ a: { $ref: Array.from({ length: 33 }, () => "x").join(".") } })).toBe(usage);
    expect(problemOf({ a: { $gt: { $ref: "b", extra: 1 } } })).toBe(usage);
    expect(problemOf({ a: { $ref: "b", $gt: 1 } })).toBe(
      'a: $ref stands alone in its object, as in {"updated_at": {"$ref": "created_at"}}.',
    );
    expect(problemOf({ a: { $exist: { $ref: "b" } } })).toBe("a: $exist takes true or false.");
  });

  it("refuses an operator beside a field, which Hookdeck would silently ignore", () => {
    expect(problemOf({ data: { $exist: true, plan: "pro" } })).toBe(
      'data: $exist and the field "plan" cannot share one object; combine them with $and.',
    );
  });

  it("refuses anything but a JSON object at the top", () => {
    const message = 'A condition must be a JSON object that mirrors the payload, such as {"type": "user.created"}.';
    for (const input of [null, "type", 1, [{ type: "a" }], new Date()]) expect(problemOf(input)).toBe(message);
    expect(problemOf({ at: new Date() })).toBe("at: this object is not a JSON value.");
    expect(problemOf({ n: Number.NaN })).toBe("n: NaN is not a JSON number.");
    expect(problemOf({ f: () => 1 })).toBe("f: a function is not a JSON value.");
  });

  it("refuses a document nested 50 levels deep", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 50; i++) deep = { a: deep };
    expect(problemOf(deep)).toMatch(/^a(\.a)+: the condition is nested more than 16 levels deep; simplify it\.$/);
  });

  it("refuses a document of 10,000 parts, or of 300 operators", () => {
    const parts = { $and: Array.from({ length: 10_000 }, (_, i) => ({ [`f${i}`]: i })) };
    const message = `The condition has more than ${CONDITION_LIMITS.maxNodes} parts (fields, operators and values); simplify it or split it across channels.`;
    expect(problemOf(parts)).toBe(message);
    const operators = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}`, { $gt: i }]));
    expect(problemOf(operators)).toBe(message);
  });

  it("refuses a megabyte string, and a document too large as a whole", () => {
    expect(problemOf({ data: { name: "x".repeat(1_048_576) } })).toBe(
      "data.name: a text of 1,048,576 characters is longer than the 1,000 a condition may hold.",
    );
    expect(problemOf({ ["k".repeat(2_000)]: 1 })).toBe(
      "a field name of 2,000 characters is longer than the 1,000 a condition may hold.",
    );
    const wide = { type: { $in: Array.from({ length: 40 }, (_, i) => `${i}`.padEnd(900, "x")) } };
    expect(problemOf(wide)).toBe(
      "The condition is larger than 16 KiB as JSON; simplify it or split it across channels.",
    );
  });

  it("refuses a __proto__ key and never lets one reach a prototype", () => {
    const hostile = JSON.parse('{"data": {"__proto__": {"polluted": true}}}');
    expect(problemOf(hostile)).toBe('data: "__proto__" cannot be a field name in a condition.');
    expect(problemOf(JSON.parse('{"__proto__": {"polluted": true}}'))).toBe(
      '"__proto__" cannot be a field name in a condition.',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps constructor and prototype as ordinary field names", () => {
    const parsed = conditionDocumentSchema.parse(JSON.parse('{"constructor": {"prototype": 1}}'));
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(evaluateCondition(parsed, { constructor: { prototype: 1 } }).matches).toBe(true);
    expect(evaluateCondition(parsed, {}).matches).toBe(false);
    expect(typeof ({} as { constructor: unknown }).constructor).toBe("function");
  });

  it("gives its message as the user's message inside a larger body, and describes itself in JSON Schema", () => {
    const body = z.object({ conditions: conditionDocumentSchema.nullable() });
    const error = body.safeParse({ conditions: { a: { $regex: "x" } } }).error;
    expect(toUserMessage(error)).toBe(`a: $regex is not an operator Hookbell supports; use one of ${OPERATORS}.`);
    for (const io of ["input", "output"] as const) {
      expect(z.toJSONSchema(conditionDocumentSchema, { io })).toMatchObject({ type: "object" });
    }
  });
});
