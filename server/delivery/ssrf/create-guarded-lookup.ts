import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { classifyAddress } from "./classify-address";

type BlockedAddressError = NodeJS.ErrnoException & {
  code: "EBLOCKED";
  hostname: string;
  address: string;
};

/**
 * A `net.LookupFunction` for undici's `Agent({ connect: { lookup } })`. The check runs on the
 * addresses the connection will actually use, so DNS rebinding (public at validation time,
 * private at send time) is refused too. If any resolved address is refused the whole host is,
 * so a round-robin record cannot smuggle in a private address.
 */
export function createGuardedLookup(opts: { allowPrivate: boolean; lookup?: typeof dns.lookup }): LookupFunction {
  const resolve = opts.lookup ?? dns.lookup;
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = addresses ?? [];
      if (!opts.allowPrivate) {
        for (const { address } of list) {
          const verdict = classifyAddress(address);
          if (!verdict.allowed) return callback(blocked(verdict.reason, hostname, address), "", 0);
        }
      }
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(notFound(hostname), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

function blocked(reason: string, hostname: string, address: string): BlockedAddressError {
  return Object.assign(new Error(reason), { code: "EBLOCKED" as const, hostname, address });
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: "ENOTFOUND",
    hostname,
  });
}
