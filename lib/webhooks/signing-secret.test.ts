import { describe, expect, it } from "vitest";
import { SigningSecretSchema } from "./signing-secret";

function messageFor(value: string): string {
  const result = SigningSecretSchema.safeParse(value);
  if (result.success) throw new Error("expected the value to be refused");
  return result.error.issues.map((issue) => issue.message).join(" ");
}

// Values shaped like Clerk's API keys; the messages must name them without repeating them.
const PUBLISHABLE = "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k";
const SECRET_KEY = "sk_live_4f9c2b7e1d8a6f3c5b0e9d2a7c4f1b8e6d3a0c5f";

describe("a pasted value that is not a signing secret", () => {
  it("is named as a Clerk publishable key, with where the signing secret is", () => {
    const message = messageFor(PUBLISHABLE);
    expect(message).toContain("That is a Clerk publishable key (pk_…)");
    expect(message).toContain("Clerk Dashboard → Webhooks → your endpoint → Signing Secret");
  });

  it("is named as a Clerk secret key, with where the signing secret is", () => {
    const message = messageFor(SECRET_KEY);
    expect(message).toContain("That is a Clerk secret key (sk_…)");
    expect(message).toContain("Clerk Dashboard → Webhooks → your endpoint → Signing Secret");
  });

  it("never repeats the pasted key in the message", () => {
    for (const value of [PUBLISHABLE, SECRET_KEY]) {
      const message = messageFor(value);
      expect(message).not.toContain(value.slice(3, 12));
      expect(message).not.toContain(value.slice(-8));
    }
  });

  it("anything else without whsec_ is told the prefix and where to copy the secret from", () => {
    const message = messageFor("4f9c2b7e1d8a6f3c5b0e9d2a7c4f1b8e");
    expect(message).toContain("A signing secret starts with whsec_");
    expect(message).toContain("Clerk Dashboard → Webhooks → your endpoint → Signing Secret");
  });
});
