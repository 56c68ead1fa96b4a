// GET|POST /api/auth/* — next-auth's sign-in, sign-out, session and CSRF endpoints.

import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { dropBadCallbackUrl } from "@/lib/auth/drop-bad-callback-url";

const nextAuth = NextAuth(authOptions);

function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  dropBadCallbackUrl(request);
  return nextAuth(request, context);
}

export { handler as GET, handler as POST };
