/**
 * Whether a URL points at a transaction-mode pooler, where a prepared statement made on one
 * server connection is gone on the next: Neon's `-pooler` hosts, Supabase's `pooler.` hosts and
 * port 6543, or an explicit `pgbouncer=true` (the Prisma convention).
 */
export function isPooledUrl(url: string): boolean {
  const u = new URL(url);
  return /(^|[.-])pooler([.-]|$)/.test(u.hostname) || u.port === "6543" || u.searchParams.get("pgbouncer") === "true";
}

/** postgres.js options for the app's pool and the migration connection alike. */
export function postgresOptions(url: string, { pooled, max }: { pooled: boolean; max: number }) {
  const u = new URL(url);
  // Not a Postgres parameter: postgres.js would pass it on to the server, which refuses it.
  u.searchParams.delete("pgbouncer");
  return {
    url: u.toString(),
    options: {
      max,
      // Through a transaction-mode pooler a named prepared statement may live on another server
      // connection ("prepared statement … does not exist", rows parsed with the wrong shape).
      prepare: !pooled,
      // Idle connections are closed (a pooler or a scale-to-zero database keeps fewer open) and
      // each one is replaced after a while (the server side may move or restart).
      idle_timeout: 20,
      max_lifetime: 30 * 60,
      connect_timeout: 10,
      onnotice: () => {},
      // No JIT: it compiles a plan once its cost estimate passes jit_above_cost, and ours are short
      // statements whose estimates can be inflated by subplans that never run — the adaptive
      // throttle's update was compiled on every call (≈ 36 ms each, once 290 ms) to run in 1 ms.
      // Sent at connection start, so direct connections only: a transaction-mode pooler refuses
      // startup parameters it does not know (there, `alter role … set jit = off`).
      ...(pooled ? {} : { connection: { jit: "off" } }),
    },
  };
}
