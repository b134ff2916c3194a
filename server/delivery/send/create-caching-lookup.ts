import dns from "node:dns";
import { readFileSync } from "node:fs";
import { isIP } from "node:net";

type Address = { address: string; family: number };
type Entry = { addresses: Address[]; until: number } | { error: NodeJS.ErrnoException; until: number };

const MIN_TTL_MS = 1_000;
const MAX_TTL_MS = 300_000;
const NEGATIVE_TTL_MS = 5_000;

export type CachingLookupOptions = {
  /** DNS servers ("127.0.0.1:5353"); default: the system's. */
  servers?: string[];
  /** Per query try (c-ares); a name that does not answer fails after timeoutMs × tries. */
  timeoutMs?: number;
  tries?: number;
  /** Names answered from a hosts file first (default /etc/hosts, read once). */
  hostsFile?: string | null;
};

/**
 * A `dns.lookup`-shaped resolver for the sender that does not use libuv's 4-thread pool (where
 * `dns.lookup` queues behind any stuck name, stalling every tenant's sends): hosts-file names and
 * IP literals are answered at once, other names by c-ares asynchronously, cached for their TTL
 * (1 s–5 min; failures 5 s), one query in flight per name. The SSRF guard checks every address
 * it returns (create-guarded-lookup.ts).
 */
export function createCachingLookup(opts: CachingLookupOptions = {}): typeof dns.lookup {
  const resolver = new dns.promises.Resolver({ timeout: opts.timeoutMs ?? 2_000, tries: opts.tries ?? 2 });
  if (opts.servers?.length) resolver.setServers(opts.servers);
  const hosts = opts.hostsFile === null ? new Map() : readHosts(opts.hostsFile ?? "/etc/hosts");
  const cache = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<Address[]>>();

  async function resolve(hostname: string): Promise<Address[]> {
    const name = hostname.toLowerCase();
    const family = isIP(name);
    if (family) return [{ address: name, family }];
    const fromHosts = hosts.get(name);
    if (fromHosts) return fromHosts;
    const hit = cache.get(name);
    if (hit && hit.until > Date.now()) {
      if ("error" in hit) throw hit.error;
      return hit.addresses;
    }
    let pending = inFlight.get(name);
    if (!pending) {
      pending = query(resolver, name, cache).finally(() => inFlight.delete(name));
      inFlight.set(name, pending);
    }
    return pending;
  }

  const lookup = (hostname: string, options: unknown, callback?: unknown) => {
    const cb = (typeof options === "function" ? options : callback) as (
      err: NodeJS.ErrnoException | null,
      address: string | Address[],
      family?: number,
    ) => void;
    const o = (typeof options === "object" && options !== null ? options : {}) as { all?: boolean; family?: number };
    resolve(hostname).then(
      (list) => {
        const wanted = o.family === 4 || o.family === 6 ? list.filter((a) => a.family === o.family) : list;
        if (o.all) return cb(null, wanted);
        const first = wanted[0];
        if (!first) return cb(notFound(hostname), "", 0);
        cb(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => cb(err, o.all ? [] : "", 0),
    );
  };
  return lookup as unknown as typeof dns.lookup;
}

async function query(resolver: dns.promises.Resolver, name: string, cache: Map<string, Entry>): Promise<Address[]> {
  const [v4, v6] = await Promise.allSettled([
    resolver.resolve4(name, { ttl: true }),
    resolver.resolve6(name, { ttl: true }),
  ]);
  const records = [
    ...(v4.status === "fulfilled" ? v4.value.map((r) => ({ ...r, family: 4 })) : []),
    ...(v6.status === "fulfilled" ? v6.value.map((r) => ({ ...r, family: 6 })) : []),
  ];
  if (!records.length) {
    const reason = (v4.status === "rejected" ? v4.reason : null) as NodeJS.ErrnoException | null;
    const error = Object.assign(new Error(`getaddrinfo ${reason?.code ?? "ENOTFOUND"} ${name}`), {
      code: reason?.code === "ETIMEOUT" ? "EAI_AGAIN" : "ENOTFOUND",
      hostname: name,
    }) as NodeJS.ErrnoException;
    // A name that does not exist is remembered briefly; a server that did not answer is not.
    if (error.code === "ENOTFOUND") cache.set(name, { error, until: Date.now() + NEGATIVE_TTL_MS });
    throw error;
  }
  const ttlMs = Math.min(MAX_TTL_MS, Math.max(MIN_TTL_MS, Math.min(...records.map((r) => r.ttl)) * 1000));
  const addresses = records.map((r) => ({ address: r.address, family: r.family }));
  cache.set(name, { addresses, until: Date.now() + ttlMs });
  return addresses;
}

function readHosts(file: string): Map<string, Address[]> {
  const map = new Map<string, Address[]>();
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return map;
  }
  for (const line of text.split("\n")) {
    const [address, ...names] = line.replace(/#.*/, "").trim().split(/\s+/);
    const family = address ? isIP(address) : 0;
    if (!family) continue;
    for (const n of names) {
      const list = map.get(n.toLowerCase()) ?? [];
      list.push({ address: address!, family });
      map.set(n.toLowerCase(), list);
    }
  }
  return map;
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname });
}
