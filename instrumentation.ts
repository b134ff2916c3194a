/**
 * Runs once per server process. Opens the database (applying migrations) at start-up so the
 * first request does not pay for it, and fails fast on bad configuration.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./server/env");
  getEnv();
  const { getDbHandle } = await import("./db");
  await getDbHandle();
}
