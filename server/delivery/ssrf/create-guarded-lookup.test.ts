import type dns from "node:dns";
import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import { createGuardedLookup } from "./create-guarded-lookup";

// A fake resolver that only answers; the guarded lookup is called directly, nothing connects.
function fakeLookup(addresses: LookupAddress[] | NodeJS.ErrnoException): typeof dns.lookup {
  return ((_host: string, _opts: unknown, cb: (...args: unknown[]) => void) => {
    process.nextTick(() => (Array.isArray(addresses) ? cb(null, addresses) : cb(addresses)));
  }) as unknown as typeof dns.lookup;
}

function run(lookup: ReturnType<typeof createGuardedLookup>, all: boolean) {
  return new Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
    lookup("hooks.example.test", { all }, (err, address, family) => resolve({ err, address, family })),
  );
}

describe("createGuardedLookup", () => {
  it("refuses a host resolving to a private address with code EBLOCKED", async () => {
    const guarded = createGuardedLookup({
      allowPrivate: false,
      lookup: fakeLookup([{ address: "10.0.0.5", family: 4 }]),
    });
    const { err } = await run(guarded, false);
    expect(err?.code).toBe("EBLOCKED");
    expect(err?.message).toBe("address 10.0.0.5 is private");
  });

  it("refuses when any of several addresses is refused (round-robin rebinding)", async () => {
    const lookup = fakeLookup([
      { address: "93.184.216.34", family: 4 },
      { address: "::ffff:169.254.169.254", family: 6 },
    ]);
    const { err } = await run(createGuardedLookup({ allowPrivate: false, lookup }), true);
    expect(err?.code).toBe("EBLOCKED");
    expect(err?.message).toContain("cloud metadata");
  });

  it("answers in the shape asked for when the addresses are public", async () => {
    const lookup = fakeLookup([
      { address: "93.184.216.34", family: 4 },
      { address: "2606:2800:220:1:248:1893:25c8:1946", family: 6 },
    ]);
    const guarded = createGuardedLookup({ allowPrivate: false, lookup });
    expect(await run(guarded, false)).toEqual({ err: null, address: "93.184.216.34", family: 4 });
    const all = await run(guarded, true);
    expect(all.err).toBeNull();
    expect(all.address).toHaveLength(2);
  });

  it("passes private addresses through when allowed", async () => {
    const guarded = createGuardedLookup({
      allowPrivate: true,
      lookup: fakeLookup([{ address: "127.0.0.1", family: 4 }]),
    });
    expect(await run(guarded, false)).toEqual({ err: null, address: "127.0.0.1", family: 4 });
  });

  it("passes resolver errors through", async () => {
    const notFound = Object.assign(new Error("getaddrinfo ENOTFOUND x"), { code: "ENOTFOUND" });
    const { err } = await run(createGuardedLookup({ allowPrivate: false, lookup: fakeLookup(notFound) }), false);
    expect(err?.code).toBe("ENOTFOUND");
  });
});
