"use client";

import Link from "next/link";

/** A page that failed to render: say so plainly and offer a way on. Details stay in the server log. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-red-700">Something went wrong</p>
      <h1 className="text-2xl font-semibold">This page could not be shown</h1>
      <p className="text-slate-600">Nothing you saved was lost. Try again, or go back to your webhooks.</p>
      <div className="flex gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Try again
        </button>
        <Link href="/webhooks" className="rounded-md px-3.5 py-2 text-sm font-medium text-brand-700 hover:underline">
          Back to your webhooks
        </Link>
      </div>
    </main>
  );
}
