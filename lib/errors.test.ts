import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, toUserMessage } from "./errors";
import { writeLogsForTests } from "./logging/create-logger";
import { redactSecrets } from "./logging/redact-secrets";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

afterEach(() => vi.restoreAllMocks());

describe("error messages", () => {
  it("passes AppError and zod messages to the user", () => {
    expect(toUserMessage(new AppError("not_found", "Webhook not found."))).toBe("Webhook not found.");
    const zodError = z.string().min(3, "Too short.").safeParse("a").error;
    expect(toUserMessage(zodError)).toBe("Too short.");
  });

  it("hides unexpected errors from the user and logs them without any signing secret", () => {
    const lines: string[] = [];
    const restore = writeLogsForTests({ format: "json", level: "info" }, (line) => lines.push(line));
    const message = toUserMessage(new Error(`Invalid invocation: data: { signingSecret: "${SECRET}" }`));
    restore();
    expect(message).toBe("Something went wrong on our side. Please try again.");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: "error", scope: "app" });
    expect(lines[0]).toContain("signingSecret");
    expect(lines[0]).not.toContain(SECRET.slice(6));
  });

  it("redacts every secret-shaped value in a text", () => {
    expect(redactSecrets(`a ${SECRET} b whsec_abc+/= c`)).toBe("a whsec_[redacted] b whsec_[redacted] c");
    expect(redactSecrets("POST https://hooks.slack.com/services/T0AB/B0CD/xyzSecret failed")).toBe(
      "POST https://hooks.slack.com/services/[redacted] failed",
    );
    expect(redactSecrets("connect smtp://mailer:hunter2@smtp.example.com:587 refused")).toBe(
      "connect smtp://[redacted]@smtp.example.com:587 refused",
    );
    expect(redactSecrets("key hb_live_ZnOaxiJVV3HdCHzKJWHVQ5xHjKcYEoz8 refused")).toBe(
      "key hb_live_[redacted] refused",
    );
    expect(redactSecrets("POST https://discord.com/api/webhooks/1234567890123456789/tok_en-Secret?wait=true")).toBe(
      "POST https://discord.com/api/webhooks/1234567890123456789/[redacted]?wait=true",
    );
  });
});
