import { describe, expect, it } from "vitest";
import { explainRejection } from "./explain-rejection";

// Every code the ingest core can answer with, read from its source, must have an explanation.
describe("rejection explanations", () => {
  it("explain every rejection code the ingest path produces", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const sources = ["lib/ingest", "lib/senders", "lib/senders/schemes"]
      .flatMap((folder) =>
        readdirSync(folder)
          .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
          .map((file) => readFileSync(`${folder}/${file}`, "utf8")),
      )
      .join("\n");
    const codes = new Set(
      [...sources.matchAll(/"([a-z]+(?:_[a-z]+)+)"/g)]
        .map((match) => match[1])
        .filter((code) =>
          /^(invalid|missing|timestamp|signature|webhook_inactive|payload|wrong|malformed|sender)/.test(code),
        ),
    );
    expect(codes.size).toBeGreaterThanOrEqual(8);
    for (const code of codes) expect(explainRejection(code), code).not.toBeNull();
  });

  it("words the fixes in the webhook's sender's terms", () => {
    const stripe = explainRejection("invalid_signature", "clerk");
    expect(stripe?.fixes.join(" ")).toContain("Clerk");
    expect(explainRejection("wrong_sender", "standard-webhooks")?.title).toContain("Standard Webhooks");
  });

  it("has nothing to say about an accepted event", () => {
    expect(explainRejection(null)).toBeNull();
  });
});
