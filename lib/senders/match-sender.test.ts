import { describe, expect, it } from "vitest";
import { describeSender } from "./describe-sender";
import { matchSender } from "./match-sender";
import { SENDERS } from "./senders";

const senders = SENDERS.map(describeSender);
const found = (query: string) => senders.filter((sender) => matchSender(sender, query)).map((sender) => sender.id);

describe("the Connect picker's search", () => {
  it("shows every sender for an empty query", () => {
    expect(found("  ")).toEqual(SENDERS.map((sender) => sender.id));
  });

  it("finds a sender by the start of its name, case-insensitively, and hides the others", () => {
    expect(found("stand")).toContain("standard-webhooks");
    expect(found("stand")).not.toContain("clerk");
    expect(found("CLE")).toEqual(["clerk"]);
  });

  it("finds senders by id, keyword and category", () => {
    expect(found("standard-webhooks")).toContain("standard-webhooks");
    expect(found("sign-up")).toContain("clerk");
    expect(found("authentication")).toContain("clerk");
    expect(found("openai")).toContain("standard-webhooks");
  });

  it("needs every word typed to match", () => {
    expect(found("clerk openai")).toEqual([]);
    expect(found("zzz")).toEqual([]);
  });
});
