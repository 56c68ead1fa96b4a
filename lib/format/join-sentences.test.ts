import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toUserMessage } from "../errors";
import { joinSentences } from "./join-sentences";

describe("joinSentences", () => {
  it("ends each message with one full stop and separates them with a space", () => {
    expect(joinSentences(["signing_secret: Paste the signing secret from Clerk.", "provider: Invalid option"])).toBe(
      "signing_secret: Paste the signing secret from Clerk. provider: Invalid option.",
    );
  });

  it("keeps a message's own question or exclamation mark and drops empty ones", () => {
    expect(joinSentences(["Is it on?", " ", "Done!", "Next "])).toBe("Is it on? Done! Next.");
  });

  it("makes a zod error's message for the dashboard read as sentences", () => {
    const schema = z.object({ name: z.string().min(1, "Give it a name."), days: z.number().int() });
    const result = schema.safeParse({ name: "", days: 1.5 });
    const message = toUserMessage(result.error);
    expect(message).toMatch(/^Give it a name\. Invalid input[^.;]*\.$/);
    expect(message).not.toMatch(/[.!?][;.]/);
  });
});
