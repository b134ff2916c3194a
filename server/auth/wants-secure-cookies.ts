const LOOPBACK_URL = /^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/;

/**
 * Session and CSRF cookies are `Secure` in production. next-auth already does so for an https
 * NEXTAUTH_URL; the one exception is a loopback http URL — a production build run locally, where
 * browsers would drop Secure cookies.
 */
export function wantsSecureCookies(env: { NODE_ENV: string; NEXTAUTH_URL?: string }): boolean {
  return env.NODE_ENV === "production" && !(env.NEXTAUTH_URL && LOOPBACK_URL.test(env.NEXTAUTH_URL));
}
