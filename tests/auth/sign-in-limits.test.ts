import { beforeEach, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/auth-options";
import { checkSignInRate, checkSignUpRate, recordFailedSignIn } from "@/lib/auth/sign-in-rate";
import type { Db } from "@/lib/db/client";
import { resetLimitersForTests } from "@/lib/rate-limit/limits";
import { openTestDb, seedTenant } from "../helpers/test-db";

// Sign-in limits count failures per account and address, per address, and account-wide (a budget only a
// distributed attack reaches), so a stranger's guesses never lock the owner out.

const PASSWORD = "correct horse battery staple";

type Authorize = (
  credentials: Record<string, string>,
  request: { headers: Record<string, string> },
) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

/** next-auth's authorize() as the dashboard calls it, from the address the front end determined. */
async function signInFrom(address: string, email: string, password: string): Promise<string> {
  try {
    await authorize({ email, password }, { headers: { "x-forwarded-for": address, "user-agent": "vitest" } });
    return "signed in";
  } catch (error) {
    return (error as Error).message;
  }
}

let db: Db;

beforeEach(async () => {
  resetLimitersForTests();
  db ??= await openTestDb();
});

describe("sign-in limits", () => {
  it("let the owner sign in from their address while a stranger's wrong passwords are refused from another", async () => {
    const email = `owner-${Date.now()}@example.com`;
    await seedTenant(db, email);
    const stranger = [];
    for (let i = 0; i < 12; i++) stranger.push(await signInFrom("203.0.113.66", email, `wrong guess number ${i}`));
    expect(stranger.slice(0, 10)).toEqual(Array(10).fill("Email or password is incorrect."));
    expect(stranger[10]).toMatch(/^Too many failed sign-in attempts for this account from your address\. Try again in/);
    expect(await signInFrom("198.51.100.7", email, PASSWORD)).toBe("signed in");
    // The stranger stays refused, even with the right password, until their own budget refills.
    expect(await signInFrom("203.0.113.66", email, PASSWORD)).toMatch(/^Too many failed sign-in attempts/);
  });

  it("keep the owner's address usable while one stranger keeps guessing for an hour", () => {
    const start = 1_000_000_000;
    for (let minute = 0; minute < 60; minute++) {
      const now = start + minute * 60_000;
      for (let i = 0; i < 5; i++) {
        if (!checkSignInRate("victim@example.com", "203.0.113.9", now))
          recordFailedSignIn("victim@example.com", "203.0.113.9", now);
      }
      expect(checkSignInRate("victim@example.com", "198.51.100.2", now)).toBeNull();
    }
  });

  it("refuse one address after 100 failures across accounts, and recover after 15 minutes", () => {
    const now = 2_000_000_000;
    const results = Array.from({ length: 101 }, (_, i) => {
      const refusal = checkSignInRate(`user${i}@example.com`, "192.0.2.10", now);
      if (!refusal) recordFailedSignIn(`user${i}@example.com`, "192.0.2.10", now);
      return refusal;
    });
    expect(results.slice(0, 100)).toEqual(Array(100).fill(null));
    expect(results[100]).toMatch(/^Too many failed sign-in attempts from your address\. Try again in \d+ seconds/);
    expect(checkSignInRate("anyone@example.com", "192.0.2.11", now)).toBeNull();
    expect(checkSignInRate("anyone@example.com", "192.0.2.10", now + 15 * 60_000)).toBeNull();
  });

  it("refuse an account only when many addresses together spend its hourly budget of 1000", () => {
    const now = 3_000_000_000;
    for (let i = 0; i < 1000; i++) {
      const address = `10.0.${Math.floor(i / 10)}.${i % 10}`;
      expect(checkSignInRate("target@example.com", address, now)).toBeNull();
      recordFailedSignIn("target@example.com", address, now);
    }
    expect(checkSignInRate("target@example.com", "198.51.100.200", now)).toMatch(/from many addresses/);
    expect(checkSignInRate("someone-else@example.com", "198.51.100.200", now)).toBeNull();
  });

  it("never spend a budget on sign-ins that succeed", () => {
    const now = 4_000_000_000;
    for (let i = 0; i < 200; i++) expect(checkSignInRate("happy@example.com", "198.51.100.9", now)).toBeNull();
  });

  it("limit sign-ups per address", () => {
    const now = 9_000_000;
    const results = Array.from({ length: 6 }, () => checkSignUpRate("192.0.2.44", now));
    expect(results.slice(0, 5)).toEqual(Array(5).fill(null));
    expect(results[5]).toMatch(/Too many new accounts/);
  });
});
