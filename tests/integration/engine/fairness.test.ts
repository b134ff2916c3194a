import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

// Account A's receiver answers every request after 3 s.
let slow: http.Server;
let slowUrl = "";
beforeAll(async () => {
  slow = http.createServer((req, res) => {
    req.resume();
    const t = setTimeout(() => res.end("ok"), 3000);
    res.on("close", () => clearTimeout(t));
  });
  slow.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => slow.listen(0, "127.0.0.1", r));
  slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => (slow.closeAllConnections(), slow.close(() => r()))));

test("one account's backlog to 40 slow endpoints does not starve another account's new endpoint", async () => {
  const a = await createActor(h.services);
  const b = await createActor(h.services);
  for (let i = 0; i < 40; i++) await insertEndpoint(h.db, a.accountId, `${slowUrl}/a${i}`, { timeoutMs: 10_000 });
  // 50 events × 40 endpoints = 2,000 deliveries due, written before the runner starts.
  const parked = h.newRunner();
  await ingestEvents(
    { db: h.db, actor: a.actor, runner: parked },
    { events: Array.from({ length: 50 }, () => sampleEvent("sms.dlr")) },
  );
  const runner = h.startRunner({ idlePollMs: 100, attempt: { allowPrivateNetworks: true } });
  await new Promise((r) => setTimeout(r, 1000)); // A's requests are in flight, its backlog waits

  const receiver = await h.startReceiver();
  await insertEndpoint(h.db, b.accountId, receiver.url);
  const started = performance.now();
  // Ingested through another (never started) runner, as if by another process: the busy runner
  // gets no hint and must find B's delivery behind A's backlog in its due scan.
  await ingestEvents({ db: h.db, actor: b.actor, runner: h.newRunner() }, sampleEvent("sms.dlr"));
  await receiver.waitFor(1, 2_000);
  const tookMs = performance.now() - started;
  console.log(`B's event arrived in ${tookMs.toFixed(0)} ms behind A's 2,000 deliveries (${runner.activeCount} held)`);
  expect(tookMs).toBeLessThan(2_000);
});
