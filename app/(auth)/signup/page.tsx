import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTenant } from "@/lib/auth/get-tenant";
import { DEFAULT_RETURN_PATH, safeReturnPath } from "@/lib/auth/safe-return-path";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await getTenant()) redirect(returnTo);
  const keep = returnTo === DEFAULT_RETURN_PATH ? "" : `?callbackUrl=${encodeURIComponent(returnTo)}`;
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Create your account</h1>
      <p className="mb-5 text-sm text-slate-600">
        Get an alert the moment something happens in the applications that send you webhooks.
      </p>
      <SignUpForm returnTo={returnTo} />
      <p className="mt-5 text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href={`/signin${keep}`} className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
