import { describe, expect, it } from "vitest";
import { parsePayload } from "./parse-payload";

describe("parsePayload", () => {
  it("reads a JSON object", () => {
    expect(parsePayload('{"type":"push","n":1}')).toEqual({ type: "push", n: 1 });
  });

  it("reads the JSON in a form's payload field, as GitHub sends it form-encoded", () => {
    const body = new URLSearchParams({ payload: JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 }) });
    expect(parsePayload(body.toString())).toEqual({ zen: "Keep it logically awesome.", hook_id: 1 });
  });

  it("refuses a form for a sender that only posts JSON", () => {
    const body = new URLSearchParams({ payload: "{}" }).toString();
    expect(parsePayload(body, false)).toBeUndefined();
    expect(parsePayload("{}", false)).toEqual({});
  });

  it("refuses what is not a JSON object", () => {
    for (const body of ["", "[1,2]", "null", '"text"', "payload=not-json", "payload=%5B1%5D", "a=1&b=2", "{"]) {
      expect(parsePayload(body), body).toBeUndefined();
    }
  });
});
