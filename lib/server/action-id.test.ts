import { describe, expect, it } from "vitest";
import { newId, newTimeOrderedId } from "../ids";
import { actionId } from "./action-id";

describe("ids given to server actions", () => {
  it("takes the ids Hookbell makes and refuses anything a query could read as a filter", () => {
    for (const id of [newId("wh"), newId("ses"), newTimeOrderedId("evt", Date.now())]) expect(actionId(id)).toBe(id);
    for (const forged of [{ not: "" }, ["wh_1"], 7, null, undefined, "", "wh_1' OR 1=1", "x".repeat(65)]) {
      expect(() => actionId(forged), JSON.stringify(forged)).toThrow("That link is not valid");
    }
  });
});
