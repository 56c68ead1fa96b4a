import { limiters } from "../rate-limit/limits";
import type { Decision } from "../rate-limit/rate-limiter";

// Only failed sign-ins spend (recordFailedSignIn), counted per account and address, per address, and
// account-wide (budgets in lib/rate-limit/limits.ts). A stranger guessing from one address uses up only
// their own budgets: the owner, from another address, still signs in. The account-wide budget is large
// enough that only a distributed attack reaches it.

/** Null when a sign-in attempt may go ahead; otherwise the message to show. */
export function checkSignInRate(email: string | undefined, ip: string | undefined, now = Date.now()): string | null {
  const { signInPerAccountAndIp, signInPerIp, signInPerAccount } = limiters();
  const keys = signInKeys(email, ip);
  const byIp = signInPerIp.peek(keys.ip, now);
  if (!byIp.ok) return refusal("from your address", byIp);
  const byAccountAndIp = signInPerAccountAndIp.peek(keys.accountAndIp, now);
  if (!byAccountAndIp.ok) return refusal("for this account from your address", byAccountAndIp);
  const byAccount = signInPerAccount.peek(keys.account, now);
  if (!byAccount.ok) return refusal("for this account from many addresses", byAccount);
  return null;
}

export function recordFailedSignIn(email: string | undefined, ip: string | undefined, now = Date.now()): void {
  const { signInPerAccountAndIp, signInPerIp, signInPerAccount } = limiters();
  const keys = signInKeys(email, ip);
  signInPerIp.take(keys.ip, now);
  signInPerAccountAndIp.take(keys.accountAndIp, now);
  signInPerAccount.take(keys.account, now);
}

function signInKeys(email: string | undefined, ip: string | undefined) {
  const account = (email ?? "").trim().toLowerCase().slice(0, 320);
  const address = (ip ?? "unknown").slice(0, 64);
  return { account, ip: address, accountAndIp: `${account}\n${address}` };
}

function refusal(scope: string, decision: Decision): string {
  const wait = decision.ok ? 1 : decision.retryAfterSeconds;
  return `Too many failed sign-in attempts ${scope}. Try again in ${waitText(wait)}.`;
}

export function checkSignUpRate(ip: string | undefined, now = Date.now()): string | null {
  if (!ip) return null;
  const decision = limiters().signUpPerIp.take(ip.slice(0, 64), now);
  if (decision.ok) return null;
  return `Too many new accounts from your address. Try again in ${waitText(decision.retryAfterSeconds)}.`;
}

function waitText(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
