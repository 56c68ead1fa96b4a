import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="text-2xl font-semibold">We couldn’t find that page</h1>
      <p className="text-slate-600">It may have been deleted, or it belongs to another account.</p>
      <Link href="/webhooks" className="font-medium text-brand-700 hover:underline">
        Back to your webhooks
      </Link>
    </main>
  );
}
