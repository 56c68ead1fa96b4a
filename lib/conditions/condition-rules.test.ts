import { describe, expect, it } from "vitest";
import { sampleClerkEvent } from "../senders/clerk/clerk-samples";
import { COMPARISON_OPERATORS, conditionDocumentSchema } from "./condition";
import { type ConditionRules, documentToRules, OPERATOR_LABELS, rulesToDocument } from "./condition-rules";
import { evaluateCondition } from "./evaluate-condition";

const founders: ConditionRules = {
  combine: "all",
  rules: [
    { path: "type", operator: "$eq", value: "organization.created" },
    { path: "data.public_metadata.members", operator: "$gt", value: 10 },
  ],
};

describe("builder rows and documents", () => {
  it("writes one rule as a document that mirrors the payload, as Hookdeck does", () => {
    expect(rulesToDocument({ combine: "all", rules: [founders.rules[1]] })).toEqual({
      data: { public_metadata: { members: { $gt: 10 } } },
    });
    expect(rulesToDocument({ combine: "all", rules: [founders.rules[0]] })).toEqual({ type: "organization.created" });
  });

  it("combines several rules with $and for all and $or for any", () => {
    expect(rulesToDocument(founders)).toEqual({
      $and: [{ type: "organization.created" }, { data: { public_metadata: { members: { $gt: 10 } } } }],
    });
    expect(rulesToDocument({ ...founders, combine: "any" })).toEqual({
      $or: [{ type: "organization.created" }, { data: { public_metadata: { members: { $gt: 10 } } } }],
    });
    expect(rulesToDocument({ combine: "any", rules: [] })).toEqual({});
  });

  it("round-trips rows of every operator, in their order, through a valid document", () => {
    const values: Record<string, unknown> = { $in: ["a", "b"], $nin: "test", $exist: true, $eq: ["x", "y"] };
    for (const combine of ["all", "any"] as const) {
      const rules: ConditionRules = {
        combine,
        rules: COMPARISON_OPERATORS.map((operator, i) => ({
          path: i % 2 === 0 ? `data.field_${i}` : `data.nested.field_${i}`,
          operator,
          value: values[operator] ?? `value ${i}`,
        })),
      };
      const document = rulesToDocument(rules);
      expect(conditionDocumentSchema.safeParse(document).success).toBe(true);
      expect(documentToRules(document)).toEqual(rules);
    }
    const single: ConditionRules = {
      combine: "any",
      rules: [{ path: "type", operator: "$startsWith", value: "user." }],
    };
    expect(documentToRules(rulesToDocument(single))).toEqual(single);
  });

  it("evaluates the document of the founders' rows as the rows say", () => {
    const document = rulesToDocument(founders);
    const organization = sampleClerkEvent("organization.created");
    (organization.data as Record<string, unknown>).public_metadata = { members: 12 };
    expect(evaluateCondition(document, organization)).toEqual({ matches: true });
    (organization.data as Record<string, unknown>).public_metadata = { members: 4 };
    expect(evaluateCondition(document, organization)).toEqual({
      matches: false,
      reason: "data.public_metadata.members is 4, not greater than 10",
    });
  });

  it("reads a hand-written mirror document as rows, plain values as equals", () => {
    const document = {
      type: "user.created",
      data: { email_addresses: { email_address: { $endsWith: "@acme.com" } }, members: { $gte: 2, $lt: 9 } },
    };
    expect(documentToRules(document)).toEqual({
      combine: "all",
      rules: [
        { path: "type", operator: "$eq", value: "user.created" },
        { path: "data.email_addresses.email_address", operator: "$endsWith", value: "@acme.com" },
        { path: "data.members", operator: "$gte", value: 2 },
        { path: "data.members", operator: "$lt", value: 9 },
      ],
    });
  });

  it("answers null for what rows cannot show, so the dialog shows the JSON", () => {
    const notRows = [
      { data: { tags: ["a", "b"] } },
      { $not: { type: "a" } },
      { type: "a", $or: [{ b: 1 }, { c: 2 }] },
      { $or: [{ a: 1, b: 2 }, { c: 3 }] },
      { $and: [{ $or: [{ a: 1 }, { b: 2 }] }] },
      { "data.plan": "pro" },
      { data: {} },
      { data: { $or: [1, 2] } },
      { updated_at: { $ref: "created_at" } },
      { inventory: { $lte: { $ref: "old_inventory" } } },
    ];
    for (const document of notRows) expect(documentToRules(document)).toBeNull();
  });

  it("keeps a path segment named __proto__ as a key, which the schema then refuses", () => {
    const document = rulesToDocument({
      combine: "all",
      rules: [{ path: "__proto__.admin", operator: "$eq", value: true }],
    });
    expect(Object.getPrototypeOf(document)).toBe(Object.prototype);
    expect(Object.keys(document)).toEqual(["__proto__"]);
    expect(conditionDocumentSchema.safeParse(document).error?.issues[0].message).toBe(
      '"__proto__" cannot be a field name in a condition.',
    );
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("labels every operator for the builder", () => {
    expect(Object.keys(OPERATOR_LABELS).sort()).toEqual([...COMPARISON_OPERATORS].sort());
    expect(OPERATOR_LABELS.$gt).toBe("is greater than");
  });
});
