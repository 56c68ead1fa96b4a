import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getDb } from "../db/client";
import { authOptions } from "./auth-options";
import { returnPathFromRequest } from "./safe-return-path";
import type { Tenant } from "./tenant";

export type SignedInTenant = Tenant & { email: string; sessionId: string };

/**
 * The signed-in user's tenant, re-checked against the database on every call so a deleted account or
 * removed membership loses access at once, and (through authOptions' jwt callback) an ended session too.
 * Returns null when signed out.
 */
export async function getTenant(): Promise<SignedInTenant | null> {
  const session = (await getServerSession(authOptions)) as {
    userId?: string;
    projectId?: string;
    sessionId?: string;
  } | null;
  if (!session?.userId || !session.projectId || !session.sessionId) return null;
  const membership = await getDb().membership.findUnique({
    where: { userId_projectId: { userId: session.userId, projectId: session.projectId } },
    select: { user: { select: { email: true } } },
  });
  if (!membership) return null;
  return {
    userId: session.userId,
    projectId: session.projectId,
    email: membership.user.email,
    sessionId: session.sessionId,
  };
}

/**
 * For pages and server actions: the tenant, or a redirect to sign-in that comes back to the page asked for
 * (a deep link opened while signed out lands where it points, not on the overview).
 */
export async function requireTenant(): Promise<SignedInTenant> {
  const tenant = await getTenant();
  if (!tenant) {
    const back = returnPathFromRequest(await headers());
    redirect(back ? `/signin?callbackUrl=${encodeURIComponent(back)}` : "/signin");
  }
  return tenant;
}
