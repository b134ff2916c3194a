import "server-only";
import { cache } from "react";
import { getServerSession, type Session } from "next-auth";
import { buildAuthOptions } from "./auth-options";

/** The signed-in user's session (deduplicated per request), or null. */
export const getSession = cache(async (): Promise<Session | null> => getServerSession(buildAuthOptions()));
