/**
 * Shown while the overview counts. Only here: a loading boundary commits a 200 before the page runs, so
 * pages that answer 404 for another account's ids must not sit under one.
 */
export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading…</p>
      <div className="h-8 w-56 animate-pulse rounded-md bg-slate-200" />
      <div className="h-4 w-80 max-w-full animate-pulse rounded bg-slate-200" />
      <div className="h-48 animate-pulse rounded-xl bg-slate-200" />
    </div>
  );
}
