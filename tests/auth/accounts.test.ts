import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { DUPLICATE_EMAIL_MESSAGE, signUp } from "@/lib/auth/sign-up";
import { verifyCredentials, WRONG_CREDENTIALS_MESSAGE } from "@/lib/auth/verify-credentials";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { openTestDb } from "../helpers/test-db";

const PASSWORD = "correct horse battery staple";

let db: Db;
let emails = 0;
const freshEmail = () => `person${++emails}-${Date.now()}@example.com`;

beforeAll(async () => {
  db = await openTestDb();
});

async function caught(attempt: Promise<unknown>): Promise<unknown> {
  return attempt.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("signUp", () => {
  it("creates the user, a first project and an owner membership", async () => {
    const email = freshEmail();
    const tenant = await signUp(db, { email: `  ${email.toUpperCase()} `, password: PASSWORD, name: " Ada " });
    expect(tenant.userId).toMatch(/^usr_[0-9A-Za-z]{20}$/);
    expect(tenant.projectId).toMatch(/^prj_[0-9A-Za-z]{20}$/);

    const user = await db.user.findUniqueOrThrow({ where: { id: tenant.userId } });
    expect(user).toMatchObject({ email, name: "Ada" });
    const project = await db.project.findUniqueOrThrow({ where: { id: tenant.projectId } });
    expect(project.name).toBe("My first project");
    const memberships = await db.membership.findMany({ where: { userId: tenant.userId } });
    expect(memberships).toEqual([expect.objectContaining({ projectId: tenant.projectId, role: "owner" })]);
  });

  it("refuses a second account for the same email, whatever its case, with the duplicate message", async () => {
    const email = freshEmail();
    await signUp(db, { email, password: PASSWORD });
    const usersBefore = await db.user.count();
    const projectsBefore = await db.project.count();

    const error = await caught(signUp(db, { email: email.toUpperCase(), password: "another good passphrase" }));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "conflict", message: DUPLICATE_EMAIL_MESSAGE });
    expect(await db.user.count()).toBe(usersBefore);
    expect(await db.project.count()).toBe(projectsBefore);
  });

  it("lets exactly one of two simultaneous sign-ups with one email succeed", async () => {
    const email = freshEmail();
    const results = await Promise.allSettled([
      signUp(db, { email, password: PASSWORD }),
      signUp(db, { email: email.toUpperCase(), password: PASSWORD }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "conflict", message: DUPLICATE_EMAIL_MESSAGE });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  const outOfBounds: [string, string, string][] = [
    ["too short", "Tr0ub4dor", "Use a password of at least 10 characters."],
    ["too long", "x1".repeat(101), "Use a password of at most 200 characters."],
  ];
  for (const [label, password, message] of outOfBounds) {
    it(`refuses a ${label} password with "${message}" and creates nothing`, async () => {
      const email = freshEmail();
      const error = await caught(signUp(db, { email, password }));
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues.map((issue) => issue.message)).toContain(message);
      expect(await db.user.count({ where: { email } })).toBe(0);
    });
  }

  // Ten characters or more, yet guessable: zxcvbn's reason is the message.
  const guessable: [string, string, RegExp][] = [
    ["a keyboard walk", "qwerty1234", /^This is a commonly used password\. Add more words that are less common\./],
    ["a repeated pattern", "abcdabcdab", /^Repeated character patterns like "abcabcabc" are easy to guess\./],
    ["a common password", "Password123", /^This is a commonly used password\./],
    ["the product's name", "hookbell2026!", /^There should not be any personal or page related data\./],
  ];
  for (const [label, password, message] of guessable) {
    it(`refuses ${label} (${password}) with the reason and creates nothing`, async () => {
      const email = freshEmail();
      const error = await caught(signUp(db, { email, password }));
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "validation_failed", message: expect.stringMatching(message) });
      expect(await db.user.count({ where: { email } })).toBe(0);
    });
  }

  it("refuses a password made of the user's own email address", async () => {
    const email = `margaret.hamilton${Date.now()}@example.com`;
    const error = await caught(signUp(db, { email, password: `${email.split("@")[0]}!` }));
    expect(error).toMatchObject({ code: "validation_failed", message: expect.stringMatching(/personal/) });
  });

  it("refuses an invalid email address", async () => {
    const error = await caught(signUp(db, { email: "not-an-email", password: PASSWORD }));
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((issue) => issue.message)).toContain("Enter a valid email address.");
  });

  it("stores the password only as a salted scrypt hash", async () => {
    const email = freshEmail();
    const tenant = await signUp(db, { email, password: PASSWORD });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: tenant.userId } });
    expect(passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(passwordHash).not.toContain(PASSWORD);
    expect(passwordHash).not.toContain("horse");
    expect(await verifyPassword(PASSWORD, passwordHash)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, passwordHash)).toBe(false);
  });

  it("salts each hash, so one password hashes differently twice", async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD));
  });
});

describe("verifyCredentials", () => {
  let email: string;
  let tenant: Awaited<ReturnType<typeof signUp>>;

  beforeAll(async () => {
    email = freshEmail();
    tenant = await signUp(db, { email, password: PASSWORD });
  });

  it("returns the tenant for the right password, with the email in any case", async () => {
    expect(await verifyCredentials(db, email, PASSWORD)).toEqual({ ...tenant, email });
    expect(await verifyCredentials(db, ` ${email.toUpperCase()} `, PASSWORD)).toEqual({ ...tenant, email });
  });

  it("gives a wrong password and an unknown email the same unauthorized message", async () => {
    const wrongPassword = await caught(verifyCredentials(db, email, "correct horse battery stapler"));
    const unknownEmail = await caught(verifyCredentials(db, `nobody-${Date.now()}@example.com`, PASSWORD));
    for (const error of [wrongPassword, unknownEmail]) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "unauthorized", message: WRONG_CREDENTIALS_MESSAGE });
    }
    expect((wrongPassword as Error).message).toBe((unknownEmail as Error).message);
  });

  for (const [label, emailValue, password] of [
    ["an empty password", "user@example.com", ""],
    ["a missing password", "user@example.com", undefined],
    ["a malformed email", "not-an-email", PASSWORD],
    ["a missing email", undefined, PASSWORD],
  ] as const) {
    it(`gives ${label} the same unauthorized message`, async () => {
      const error = await caught(verifyCredentials(db, emailValue, password));
      expect(error).toMatchObject({ code: "unauthorized", message: WRONG_CREDENTIALS_MESSAGE });
    });
  }
});
