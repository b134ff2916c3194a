import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Db } from "@/db";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { DomainError } from "@/server/errors";
import { authenticate, type SessionUser } from "./authenticate";
import { clientAddress } from "./client-address";
import { endUserSessions } from "./end-user-sessions";
import { findSessionActor } from "./find-session-actor";
import { wantsSecureCookies } from "./wants-secure-cookies";

const SESSION_ENDED = "SESSION_ENDED";

class SessionEnded extends Error {
  constructor() {
    super(SESSION_ENDED);
  }
}

/**
 * next-auth with JWT sessions that the database can end: the token carries the user's session
 * version, and every read of the session (pages, tRPC, /api/auth/session) checks it and the
 * account's status, so sign-out, a password change and suspension end every session at once.
 */
export function buildAuthOptions(resolveDb: () => Promise<Db> = getDb): NextAuthOptions {
  const env = getEnv();
  const throttle = {
    maxFailures: env.SIGN_IN_MAX_FAILURES,
    windowMinutes: env.SIGN_IN_WINDOW_MINUTES,
    maxFailuresPerClient: env.SIGN_IN_MAX_FAILURES_PER_CLIENT,
  };
  return {
    secret: env.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    useSecureCookies: wantsSecureCookies(env),
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            const client = clientAddress((req?.headers ?? {}) as Record<string, string>);
            return await authenticate({ db: await resolveDb(), throttle }, credentials, client);
          } catch (err) {
            // next-auth passes an Error's message through to signIn()'s `error`.
            if (err instanceof DomainError) throw new Error(err.message);
            throw err;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as SessionUser;
          token.uid = u.id;
          token.accountId = u.accountId;
          token.role = u.role;
          token.username = u.username;
          token.sv = u.sessionVersion;
          return token;
        }
        const actor = await findSessionActor(await resolveDb(), { userId: token.uid, sessionVersion: token.sv });
        // Thrown, next-auth clears the cookie and answers without a session.
        if (!actor) throw new SessionEnded();
        token.accountId = actor.accountId;
        token.role = actor.role;
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
          sessionVersion: token.sv,
        };
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.uid) await endUserSessions(await resolveDb(), token.uid);
      },
    },
    logger: {
      error(code, metadata) {
        const message = (metadata as { message?: string } | undefined)?.message;
        if (code === "JWT_SESSION_ERROR" && message === SESSION_ENDED) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn(code) {
        // Without NEXTAUTH_URL (development, tests) next-auth uses the request's host.
        if (code === "NEXTAUTH_URL" && env.NODE_ENV !== "production") return;
        console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
  };
}
