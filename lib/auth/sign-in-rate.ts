import { limiters } from "../rate-limit/limits";

/** Null when a sign-in attempt may go ahead; otherwise the message to show. Per account and per address. */
export function checkSignInRate(email: string | undefined, ip: string | undefined, now = Date.now()): string | null {
  const { signInPerAccount, signInPerIp } = limiters();
  const byIp = ip ? signInPerIp.take(ip.slice(0, 64), now) : { ok: true as const };
  // Only failed attempts spend the account's budget (recordFailedSignIn), so signing in works while the
  // budget lasts and successful sign-ins never lock anyone out.
  const decision = byIp.ok ? signInPerAccount.peek(accountKey(email), now) : byIp;
  if (decision.ok) return null;
  return `Too many sign-in attempts. Try again in ${waitText(decision.retryAfterSeconds)}.`;
}

export function recordFailedSignIn(email: string | undefined, now = Date.now()): void {
  limiters().signInPerAccount.take(accountKey(email), now);
}

function accountKey(email: string | undefined): string {
  return (email ?? "").trim().toLowerCase().slice(0, 320);
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
