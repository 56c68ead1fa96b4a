import type { ReactNode } from "react";
import { Logo } from "@/components/logo";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-xl">
          <Logo />
        </p>
        <div className="rounded-xl border border-slate-200 bg-surface p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
