import { describe, expect, it } from "vitest";
import {
  type ConditionsDraft,
  deriveConditions,
  draftFromDocument,
  newRow,
} from "@/app/(dashboard)/webhooks/[webhookId]/condition-draft";
import { evaluateCondition } from "@/lib/conditions/evaluate-condition";

// The condition builder's rows as the document the server saves: what people type becomes the value its
// field holds, and a saved document comes back as the rows it was built from (or stays JSON, saying why).

const rows = (combine: "all" | "any", ...typed: Partial<ReturnType<typeof newRow>>[]): ConditionsDraft => ({
  mode: "rows",
  combine,
  rows: typed.map((row) => ({ ...newRow(), ...row })),
  text: "",
  jsonOnly: null,
});

describe("the condition builder's rows", () => {
  it("keeps a number a number when the field is one, so 9 is not greater than 10", () => {
    const { document, problem } = deriveConditions(
      rows("all", { path: "data.members_count", operator: "$gt", value: "10", hint: "number" }),
    );
    expect(problem).toBeNull();
    expect(document).toEqual({ data: { members_count: { $gt: 10 } } });
    expect(evaluateCondition(document ?? {}, { data: { members_count: 9 } }).matches).toBe(false);
    expect(evaluateCondition(document ?? {}, { data: { members_count: 42 } }).matches).toBe(true);
  });

  it("keeps text text on a text field, even when it looks like a number", () => {
    const { document } = deriveConditions(
      rows("all", { path: "data.zip", operator: "$eq", value: "02139", hint: undefined }),
    );
    expect(document).toEqual({ data: { zip: "02139" } });
  });

  it("reads “is one of” as a comma-separated list and “exists” as yes or no", () => {
    const { document } = deriveConditions(
      rows(
        "any",
        { path: "type", operator: "$in", value: "user.created, user.deleted ,", hint: undefined },
        { path: "data.banned", operator: "$exist", value: "false" },
      ),
    );
    expect(document).toEqual({
      $or: [{ type: { $in: ["user.created", "user.deleted"] } }, { data: { banned: { $exist: false } } }],
    });
  });

  it("asks for the field of a row that has none, instead of saving without it", () => {
    expect(deriveConditions(rows("all", { path: "type", value: "x" }, { path: " " }))).toEqual({
      document: null,
      problem: "Choose a field for condition 2.",
    });
  });

  it("saves no rows as no conditions", () => {
    expect(deriveConditions(rows("all"))).toEqual({ document: null, problem: null });
  });

  it("opens a saved document as its rows, numbers still numbers when saved again", () => {
    const saved = { $and: [{ data: { members_count: { $gte: 11 } } }, { data: { name: { $startsWith: "Acme" } } }] };
    const draft = draftFromDocument(saved);
    expect(draft.mode).toBe("rows");
    expect(draft.combine).toBe("all");
    expect(draft.rows.map((row) => [row.path, row.operator, row.value])).toEqual([
      ["data.members_count", "$gte", "11"],
      ["data.name", "$startsWith", "Acme"],
    ]);
    expect(deriveConditions(draft).document).toEqual(saved);
    // Before the picker's fields load, an "equals 11" or "equals true" is still a number and a boolean.
    const exact = { data: { members_count: 11, verified: true } };
    expect(deriveConditions(draftFromDocument(exact)).document).toEqual({
      $and: [{ data: { members_count: 11 } }, { data: { verified: true } }],
    });
  });

  it("opens a document rows cannot show in the JSON view, with the reason", () => {
    const draft = draftFromDocument({ $not: { type: "user.created" } });
    expect(draft.mode).toBe("json");
    expect(draft.jsonOnly).toMatch(/rows cannot show; it is edited as JSON/);
    expect(JSON.parse(draft.text)).toEqual({ $not: { type: "user.created" } });
  });
});

describe("the JSON view", () => {
  const json = (text: string): ConditionsDraft => ({ mode: "json", combine: "all", rows: [], text, jsonOnly: null });

  it("refuses what the server refuses, with its message", () => {
    expect(deriveConditions(json("{not json")).problem).toBe("Not valid JSON: check quotes, commas and brackets.");
    expect(deriveConditions(json('{"data": {"name": {"$regex": "^A"}}}')).problem).toMatch(/\$regex/);
  });

  it("treats a blank document as no conditions", () => {
    expect(deriveConditions(json("  "))).toEqual({ document: null, problem: null });
  });
});
