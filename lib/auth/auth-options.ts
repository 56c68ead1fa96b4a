import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { nextAuthLogger } from "../logging/next-auth-logger";
import { checkSignInRate, recordFailedSignIn } from "./sign-in-rate";
import { verifyCredentials } from "./verify-credentials";

export const authOptions: NextAuthOptions = {
  secret: getEnv().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  // next-auth's own logger prints raw request data (newlines included) to stdout; ours writes one safe line.
  logger: nextAuthLogger,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const forwarded = (request?.headers as Record<string, string | undefined> | undefined)?.["x-forwarded-for"];
        const refusal = checkSignInRate(credentials?.email, forwarded?.split(",")[0]?.trim());
        if (refusal) throw new Error(refusal);
        try {
          const tenant = await verifyCredentials(getDb(), credentials?.email, credentials?.password);
          return { id: tenant.userId, email: tenant.email, projectId: tenant.projectId };
        } catch (error) {
          if (error instanceof AppError) {
            recordFailedSignIn(credentials?.email);
            throw new Error(error.message);
          }
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.projectId = (user as { projectId?: string }).projectId;
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, projectId: token.projectId };
    },
  },
};
