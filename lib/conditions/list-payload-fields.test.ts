import { describe, expect, it } from "vitest";
import { sampleClerkEvent } from "../senders/clerk/clerk-samples";
import { evaluateCondition } from "./evaluate-condition";
import { listPayloadFields } from "./list-payload-fields";

describe("the payload's fields for the builder", () => {
  it("lists a Clerk user's fields as conditions address them, with a sample and a type", () => {
    const fields = listPayloadFields(sampleClerkEvent("user.created"));
    const byPath = new Map(fields.map((field) => [field.path, field]));
    expect(byPath.get("type")).toEqual({ path: "type", sample: "user.created", type: "string" });
    expect(byPath.get("data.first_name")).toEqual({ path: "data.first_name", sample: "Ada", type: "string" });
    expect(byPath.get("data.email_addresses")).toEqual({
      path: "data.email_addresses",
      sample: "1 item",
      type: "array",
    });
    expect(byPath.get("data.email_addresses.email_address")).toEqual({
      path: "data.email_addresses.email_address",
      sample: "ada@example.com",
      type: "string",
    });
    expect(byPath.get("data.email_addresses.verification.status")?.sample).toBe("verified");
    expect(byPath.get("data.public_metadata")).toEqual({
      path: "data.public_metadata",
      sample: "empty object",
      type: "object",
    });
    expect(byPath.get("data.external_id")?.type).toBe("null");
    expect(byPath.get("data.has_image")).toEqual({ path: "data.has_image", sample: "false", type: "boolean" });
  });

  it("gives paths the evaluator reads back to the same value", () => {
    const event = sampleClerkEvent("user.created");
    for (const field of listPayloadFields(event)) {
      const document = field.path.split(".").reduceRight<unknown>((inner, key) => ({ [key]: inner }), {
        $exist: true,
      }) as Record<string, unknown>;
      expect(evaluateCondition(document, event), field.path).toEqual({ matches: true });
    }
  });

  it("lists in reading order, a field before the fields inside it", () => {
    const paths = listPayloadFields({ a: { b: 1, c: { d: 2 } }, e: 3 }).map((field) => field.path);
    expect(paths).toEqual(["a", "a.b", "a.c", "a.c.d", "e"]);
  });

  it("lists the fields of every element of a list of objects once", () => {
    const fields = listPayloadFields({ items: [{ sku: "a" }, { sku: "b", qty: 2 }], tags: ["gift", "x"] });
    expect(fields).toEqual([
      { path: "items", sample: "2 items", type: "array" },
      { path: "items.sku", sample: "a", type: "string" },
      { path: "items.qty", sample: "2", type: "number" },
      { path: "tags", sample: "2 items: gift, x", type: "array" },
    ]);
  });

  it("stops at 200 fields, keeping the top-level ones, and at six levels", () => {
    const wide = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]));
    const fields = listPayloadFields({ data: wide, type: "user.created" });
    expect(fields).toHaveLength(200);
    expect(fields.map((field) => field.path)).toContain("type");
    expect(listPayloadFields({ a: 1, b: 2, c: 3 }, 2)).toHaveLength(2);
    let deep: unknown = "leaf";
    for (let i = 0; i < 20; i++) deep = { n: deep };
    const deepest = listPayloadFields(deep).at(-1);
    expect(deepest?.path).toBe("n.n.n.n.n.n");
  });

  it("skips keys a dotted path cannot address and lists nothing for a payload that is not an object", () => {
    const fields = listPayloadFields(JSON.parse('{"a.b": 1, "$op": 2, "__proto__": {"x": 1}, "": 3, "ok": 4}'));
    expect(fields.map((field) => field.path)).toEqual(["ok"]);
    for (const payload of [null, "text", 1, [1, 2]]) expect(listPayloadFields(payload)).toEqual([]);
  });

  it("cuts long samples", () => {
    const [field] = listPayloadFields({ note: "x".repeat(500) });
    expect(field.sample).toHaveLength(80);
    expect(field.sample.endsWith("…")).toBe(true);
  });
});
