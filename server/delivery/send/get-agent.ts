import type dns from "node:dns";
import { Agent } from "undici";
import { createGuardedLookup } from "@/server/delivery/ssrf/create-guarded-lookup";
import { createCachingLookup } from "./create-caching-lookup";

const agents = new Map<boolean, WeakMap<typeof dns.lookup, Agent>>();
let systemLookup: typeof dns.lookup | null = null;

/** The process's resolver: c-ares with a TTL cache, off the libuv thread pool (create-caching-lookup.ts). */
function defaultLookup(): typeof dns.lookup {
  return (systemLookup ??= createCachingLookup());
}

/**
 * One keep-alive Agent (a connection pool per origin) per (allowPrivate, lookup) pair, reused
 * for the life of the process. The SSRF guard sits in the Agent's DNS lookup, so every new
 * connection is checked against the address it actually connects to.
 */
export function getAgent(allowPrivate: boolean, lookup: typeof dns.lookup = defaultLookup()): Agent {
  let byLookup = agents.get(allowPrivate);
  if (!byLookup) {
    byLookup = new WeakMap();
    agents.set(allowPrivate, byLookup);
  }
  let agent = byLookup.get(lookup);
  if (!agent) {
    agent = new Agent({
      connect: { lookup: createGuardedLookup({ allowPrivate, lookup }), timeout: 30_000 },
      keepAliveTimeout: 4_000,
    });
    byLookup.set(lookup, agent);
  }
  return agent;
}
