"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * Keeps a server-rendered page current: re-renders it every few seconds while the tab is visible, so new
 * requests and delivery status changes appear without a reload. The user can pause it.
 */
export function LiveRefresh({ intervalMs = 3000 }: { intervalMs?: number }) {
  const router = useRouter();
  const [isLive, setIsLive] = useState(true);
  useEffect(() => {
    if (!isLive) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [isLive, intervalMs, router]);
  return (
    <button
      type="button"
      onClick={() => setIsLive(!isLive)}
      aria-pressed={isLive}
      className="inline-flex items-center gap-2 rounded-full border border-slate-200 bg-surface px-3 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100"
      data-testid="live-toggle"
    >
      <span
        aria-hidden
        className={`h-2 w-2 rounded-full ${isLive ? "animate-pulse bg-emerald-500" : "bg-slate-400"}`}
      />
      {isLive ? "Live: updating" : "Paused"}
    </button>
  );
}
