import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { DomainError } from "@/server/errors";
import { authenticate, type SessionUser } from "./authenticate";

export function buildAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          try {
            const db = await getDb();
            return await authenticate(
              { db, throttle: { maxFailures: env.SIGN_IN_MAX_FAILURES, windowMinutes: env.SIGN_IN_WINDOW_MINUTES } },
              credentials,
            );
          } catch (err) {
            // next-auth passes an Error's message through to signIn()'s `error`.
            if (err instanceof DomainError) throw new Error(err.message);
            throw err;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const u = user as unknown as SessionUser;
          token.uid = u.id;
          token.accountId = u.accountId;
          token.role = u.role;
          token.username = u.username;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.uid,
          accountId: token.accountId,
          role: token.role,
          username: token.username,
          email: token.email ?? "",
          name: token.name ?? "",
        };
        return session;
      },
    },
  };
}
