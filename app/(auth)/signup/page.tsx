import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTenant } from "@/lib/auth/get-tenant";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  if (await getTenant()) redirect("/overview");
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Create your account</h1>
      <p className="mb-5 text-sm text-slate-600">Get an alert the moment something happens in Clerk.</p>
      <SignUpForm />
      <p className="mt-5 text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/signin" className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
