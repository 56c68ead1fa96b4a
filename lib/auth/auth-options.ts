import type { NextAuthOptions, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { nextAuthLogger } from "../logging/next-auth-logger";
import { forwardedClientAddress } from "../server/client-address";
import { checkSession } from "./check-session";
import { endSession } from "./end-session";
import { checkSignInRate, recordFailedSignIn } from "./sign-in-rate";
import { startSession } from "./start-session";
import { verifyCredentials } from "./verify-credentials";

type RequestHeaders = Record<string, string | string[] | undefined>;

export const authOptions: NextAuthOptions = {
  secret: getEnv().NEXTAUTH_SECRET,
  // The cookie is a JWT, but it names a Session row (`sid`) that every request checks: signing out deletes
  // the row, so a copied cookie stops working at once rather than after 30 days.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  // next-auth's own logger prints raw request data (newlines included) to stdout; ours writes one safe line.
  logger: nextAuthLogger,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const headers = (request?.headers ?? {}) as RequestHeaders;
        const address = forwardedClientAddress(headers);
        const refusal = checkSignInRate(credentials?.email, address);
        if (refusal) throw new Error(refusal);
        try {
          const tenant = await verifyCredentials(getDb(), credentials?.email, credentials?.password);
          const userAgent = headers["user-agent"];
          const sessionId = await startSession(getDb(), tenant.userId, {
            userAgent: Array.isArray(userAgent) ? userAgent[0] : userAgent,
            address,
          });
          return { id: tenant.userId, email: tenant.email, projectId: tenant.projectId, sessionId };
        } catch (error) {
          if (error instanceof AppError) {
            recordFailedSignIn(credentials?.email, address);
            throw new Error(error.message);
          }
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const signedIn = user as { projectId?: string; sessionId?: string };
        return { ...token, projectId: signedIn.projectId, sid: signedIn.sessionId };
      }
      const sid = typeof token.sid === "string" ? token.sid : undefined;
      // A token without a live session (signed out, ended from Settings, password changed, or issued before
      // sessions were stored) keeps nothing that identifies the user; the session callback then answers none.
      if (!sid || !token.sub || !(await checkSession(getDb(), sid, token.sub))) return { ended: true } as JWT;
      return token;
    },
    session({ session, token }) {
      if (typeof token.sid !== "string" || !token.sub) return {} as Session;
      return { ...session, userId: token.sub, projectId: token.projectId, sessionId: token.sid };
    },
  },
  events: {
    // Under the jwt strategy next-auth hands over the decoded cookie of the browser signing out.
    async signOut({ token }) {
      if (typeof token?.sid === "string" && token.sub) await endSession(getDb(), token.sub, token.sid);
    },
  },
};
