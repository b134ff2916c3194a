import { getEnv } from "@/server/env";

/** An absolute link into the app (mails), from NEXTAUTH_URL, the app's public URL. */
export function appUrl(path: string): string {
  const base = (getEnv().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${path}`;
}
