import { getEnv } from "@/server/env";

/**
 * The app's public URL: NEXTAUTH_URL or AUTH_URL when set, otherwise the request's own origin
 * (Host / X-Forwarded-Host and X-Forwarded-Proto), so `PORT=3001 npm start` links to :3001.
 */
export function publicUrl(headers: Headers): string {
  const env = getEnv();
  const configured = env.NEXTAUTH_URL ?? env.AUTH_URL;
  if (configured) return configured.replace(/\/$/, "");
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${host}`;
}

/**
 * next-auth v4 builds its redirects from NEXTAUTH_URL, and without it from the request only when
 * AUTH_TRUST_HOST is set (else it falls back to http://localhost:3000). Called once at start-up:
 * AUTH_URL stands for NEXTAUTH_URL, and with neither the request's host is trusted.
 */
export function configureAuthUrl(env: Record<string, string | undefined> = process.env) {
  if (!env.NEXTAUTH_URL && env.AUTH_URL) env.NEXTAUTH_URL = env.AUTH_URL;
  if (!env.NEXTAUTH_URL) env.AUTH_TRUST_HOST ??= "1";
}
