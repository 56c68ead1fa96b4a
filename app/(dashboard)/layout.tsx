import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/logo";
import { NavLink } from "@/components/nav-link";
import { requireTenant } from "@/lib/auth/get-tenant";
import { SignOutButton } from "./sign-out-button";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const tenant = await requireTenant();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/overview" aria-label="Hookbell home">
            <Logo />
          </Link>
          <nav
            aria-label="Main"
            className="order-last -mx-2.5 flex w-full flex-wrap gap-1 text-sm sm:order-none sm:mx-0 sm:w-auto"
          >
            <NavLink href="/overview">Overview</NavLink>
            <NavLink href="/webhooks">Manage Webhooks</NavLink>
            <NavLink href="/logs">Notification Log</NavLink>
            <NavLink href="/mailbox">Dev mailbox</NavLink>
            <NavLink href="/settings">Settings</NavLink>
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm text-slate-600">
            <span className="hidden sm:inline" data-testid="account-email">
              {tenant.email}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
