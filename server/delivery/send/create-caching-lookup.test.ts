import dgram from "node:dgram";
import { writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createCachingLookup } from "./create-caching-lookup";

// A real DNS server on 127.0.0.1: answers A queries for *.ok.test with 127.0.0.7 (TTL 1 s), and
// NXDOMAIN for anything else; counts the queries it gets.
let server: dgram.Socket;
let servers: string[];
const asked: string[] = [];

beforeAll(async () => {
  server = dgram.createSocket("udp4");
  server.on("message", (msg, rinfo) => {
    const { name, end } = readName(msg, 12);
    const type = msg.readUInt16BE(end);
    asked.push(`${name}/${type}`);
    const question = msg.subarray(12, end + 4);
    const ok = name.endsWith(".ok.test") && type === 1;
    const header = Buffer.alloc(12);
    header.writeUInt16BE(msg.readUInt16BE(0), 0); // id
    header.writeUInt16BE(ok || type !== 1 ? 0x8180 : 0x8183, 2); // response, NOERROR / NXDOMAIN
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(ok ? 1 : 0, 6);
    const answer = ok
      ? Buffer.concat([Buffer.from([0xc0, 0x0c, 0, 1, 0, 1]), u32(1), Buffer.from([0, 4, 127, 0, 0, 7])])
      : Buffer.alloc(0);
    server.send(Buffer.concat([header, question, answer]), rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => server.bind(0, "127.0.0.1", r));
  servers = [`127.0.0.1:${(server.address() as AddressInfo).port}`];
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const resolve = (lookup: ReturnType<typeof createCachingLookup>, host: string) =>
  new Promise<{ address: string; family: number }[]>((ok, fail) =>
    (lookup as unknown as (h: string, o: object, cb: (e: Error | null, a: unknown) => void) => void)(
      host,
      { all: true },
      (err, addresses) => (err ? fail(err) : ok(addresses as { address: string; family: number }[])),
    ),
  );

test("answers from DNS, caches for the TTL, one query in flight per name", async () => {
  const lookup = createCachingLookup({ servers, hostsFile: null });
  asked.length = 0;
  const [a, b] = await Promise.all([resolve(lookup, "api.ok.test"), resolve(lookup, "api.ok.test")]);
  expect(a).toEqual([{ address: "127.0.0.7", family: 4 }]);
  expect(b).toEqual(a);
  expect(asked.filter((q) => q === "api.ok.test/1")).toHaveLength(1); // shared
  await resolve(lookup, "api.ok.test");
  expect(asked.filter((q) => q === "api.ok.test/1")).toHaveLength(1); // cached
  await new Promise((r) => setTimeout(r, 1100)); // the 1 s TTL runs out
  await resolve(lookup, "api.ok.test");
  expect(asked.filter((q) => q === "api.ok.test/1")).toHaveLength(2);
});

test("a name that does not exist fails as ENOTFOUND and is remembered briefly", async () => {
  const lookup = createCachingLookup({ servers, hostsFile: null });
  asked.length = 0;
  await expect(resolve(lookup, "nope.test")).rejects.toMatchObject({ code: "ENOTFOUND" });
  await expect(resolve(lookup, "nope.test")).rejects.toMatchObject({ code: "ENOTFOUND" });
  expect(asked.filter((q) => q === "nope.test/1")).toHaveLength(1);
});

test("IP literals and hosts-file names never reach DNS", async () => {
  const hostsFile = path.join(tmpdir(), `hosts-${process.pid}`);
  writeFileSync(hostsFile, "127.0.0.9 intranet.local # comment\n::1 six.local\n");
  const lookup = createCachingLookup({ servers, hostsFile });
  asked.length = 0;
  expect(await resolve(lookup, "10.1.2.3")).toEqual([{ address: "10.1.2.3", family: 4 }]);
  expect(await resolve(lookup, "INTRANET.local")).toEqual([{ address: "127.0.0.9", family: 4 }]);
  expect(await resolve(lookup, "six.local")).toEqual([{ address: "::1", family: 6 }]);
  expect(asked).toEqual([]);
});

function readName(msg: Buffer, offset: number) {
  const labels: string[] = [];
  let i = offset;
  while (msg[i]) {
    labels.push(msg.subarray(i + 1, i + 1 + msg[i]!).toString());
    i += msg[i]! + 1;
  }
  return { name: labels.join("."), end: i + 1 };
}

function u32(n: number) {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}
