"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A main-navigation link that marks the section the user is in. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const isCurrent = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className={`whitespace-nowrap rounded-md px-2.5 py-1.5 ${isCurrent ? "bg-slate-100 font-medium text-slate-900" : "text-slate-700 hover:bg-slate-100"}`}
    >
      {children}
    </Link>
  );
}
