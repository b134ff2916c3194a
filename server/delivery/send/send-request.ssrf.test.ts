import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpRequest } from "@/server/delivery/types";
import { loopbackLookup, startReceiver, type Receiver } from "@/tests/helpers/receiver";
import { describeOutcome } from "./describe-outcome";
import { sendRequest } from "./send-request";

// End to end through the real guard. Only loopback targets, each with a receiver of ours
// listening, and injected lookups that can only answer loopback: nothing leaves the machine.
// 127.0.0.2 needs Linux (all of 127/8 is loopback); ::1 needs IPv6 on the loopback interface.
const canListen = (host: string) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(0, host, () => probe.close(() => resolve(true)));
  });
const hasSecondLoopback = await canListen("127.0.0.2");
const hasIpv6Loopback = await canListen("::1");

let v4: Receiver;
let v4second: Receiver;
let v6: Receiver;

beforeAll(async () => {
  v4 = await startReceiver();
  v4second = hasSecondLoopback ? await startReceiver({ host: "127.0.0.2" }) : v4;
  v6 = hasIpv6Loopback ? await startReceiver({ host: "::1" }) : v4;
});
afterAll(async () => {
  await Promise.all([...new Set([v4, v4second, v6])].map((r) => r.close()));
});

function get(url: string): HttpRequest {
  return { method: "GET", url, headers: {}, body: null };
}

const settle = () => new Promise((r) => setTimeout(r, 150));

describe("SSRF guard on (allowPrivateNetworks: false)", () => {
  const guarded = { timeoutMs: 2000, allowPrivateNetworks: false };

  it.each([
    ["127.0.0.1", () => `http://127.0.0.1:${v4.port}/`, () => v4, "address 127.0.0.1 is loopback"],
    ["127.0.0.2", () => `http://127.0.0.2:${v4second.port}/`, () => v4second, "address 127.0.0.2 is loopback"],
    ["[::1]", () => `http://[::1]:${v6.port}/`, () => v6, "address ::1 is loopback"],
    [
      "[::ffff:127.0.0.1]",
      () => `http://[::ffff:127.0.0.1]:${v4.port}/`,
      () => v4,
      "address ::ffff:7f00:1 is loopback (IPv4-mapped 127.0.0.1)",
    ],
    ["localhost", () => `http://localhost:${v4.port}/`, () => v4, "is loopback (localhost resolves to it)"],
  ])("refuses %s and the receiver gets nothing", async (_label, url, target, reason) => {
    const before = target().requests.length;
    const outcome = await sendRequest(get(url()), guarded);
    expect(outcome).toMatchObject({ ok: false, status: null, errorClass: "blocked_address" });
    expect(outcome.errorMessage).toContain(reason);
    expect(describeOutcome(outcome)).toContain("public internet addresses");
    await settle();
    expect(target().requests.length).toBe(before);
  });

  it("refuses a host name whose DNS answers a loopback address, checked at connect time", async () => {
    const before = v4.requests.length;
    const outcome = await sendRequest(get(`http://evil.test:${v4.port}/`), {
      ...guarded,
      lookup: loopbackLookup("127.0.0.1"),
    });
    expect(outcome).toMatchObject({
      ok: false,
      errorClass: "blocked_address",
      errorMessage: "address 127.0.0.1 is loopback (evil.test resolves to it)",
    });
    await settle();
    expect(v4.requests.length).toBe(before);
  });

  it.skipIf(!hasIpv6Loopback)("refuses a host name answering ::1", async () => {
    const outcome = await sendRequest(get(`http://evil.test:${v6.port}/`), {
      ...guarded,
      lookup: loopbackLookup("::1"),
    });
    expect(outcome.errorClass).toBe("blocked_address");
    await settle();
    expect(v6.requests).toHaveLength(0);
  });
});

describe("SSRF guard off (allowPrivateNetworks: true)", () => {
  const open = { timeoutMs: 2000, allowPrivateNetworks: true };

  it("lets a host name resolving to loopback reach the receiver", async () => {
    const outcome = await sendRequest(get(`http://evil.test:${v4.port}/via-name`), {
      ...open,
      lookup: loopbackLookup("127.0.0.1"),
    });
    expect(outcome).toMatchObject({ ok: true, status: 200 });
    expect(v4.requests.at(-1)?.url).toBe("/via-name");
    expect(v4.requests.at(-1)?.headers.host).toBe(`evil.test:${v4.port}`);
  });

  it.skipIf(!hasSecondLoopback || !hasIpv6Loopback)("lets IP literals through, IPv4 and IPv6", async () => {
    expect((await sendRequest(get(`http://127.0.0.2:${v4second.port}/a`), open)).ok).toBe(true);
    expect((await sendRequest(get(`http://[::1]:${v6.port}/b`), open)).ok).toBe(true);
    expect(v4second.requests.at(-1)?.url).toBe("/a");
    expect(v6.requests.at(-1)?.url).toBe("/b");
  });
});
