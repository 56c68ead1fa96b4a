import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getDb } from "../db/client";
import { authOptions } from "./auth-options";
import type { Tenant } from "./tenant";

/**
 * The signed-in user's tenant, re-checked against the database on every call so a deleted account or
 * removed membership loses access at once. Returns null when signed out.
 */
export async function getTenant(): Promise<(Tenant & { email: string }) | null> {
  const session = (await getServerSession(authOptions)) as { userId?: string; projectId?: string } | null;
  if (!session?.userId || !session.projectId) return null;
  const membership = await getDb().membership.findUnique({
    where: { userId_projectId: { userId: session.userId, projectId: session.projectId } },
    select: { user: { select: { email: true } } },
  });
  if (!membership) return null;
  return { userId: session.userId, projectId: session.projectId, email: membership.user.email };
}

/** For pages and server actions: the tenant, or a redirect to sign-in. */
export async function requireTenant(): Promise<Tenant & { email: string }> {
  const tenant = await getTenant();
  if (!tenant) redirect("/signin");
  return tenant;
}
