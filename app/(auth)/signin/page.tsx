import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTenant } from "@/lib/auth/get-tenant";
import { DEFAULT_RETURN_PATH, safeReturnPath } from "@/lib/auth/safe-return-path";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await getTenant()) redirect(returnTo);
  const keep = returnTo === DEFAULT_RETURN_PATH ? "" : `?callbackUrl=${encodeURIComponent(returnTo)}`;
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Sign in</h1>
      <p className="mb-5 text-sm text-slate-600">Welcome back. Your webhooks are waiting.</p>
      <SignInForm returnTo={returnTo} />
      <p className="mt-5 text-center text-sm text-slate-600">
        New to Hookbell?{" "}
        <Link href={`/signup${keep}`} className="font-medium text-brand-700 hover:underline">
          Create an account
        </Link>
      </p>
    </>
  );
}
