import dgram from "node:dgram";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { deliveryAttempts } from "@/db/schema";
import { createCachingLookup } from "@/server/delivery/send/create-caching-lookup";
import { testEndpoint } from "@/server/endpoints/test-endpoint";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import { until } from "@/tests/helpers/wait-until";

const h = setupIntegration();

// A DNS server on 127.0.0.1 that takes every query and never answers.
let silentDns: dgram.Socket;
let queries = 0;
beforeAll(async () => {
  silentDns = dgram.createSocket("udp4");
  silentDns.on("message", () => void queries++);
  await new Promise<void>((r) => silentDns.bind(0, "127.0.0.1", r));
});
afterAll(() => new Promise<void>((r) => silentDns.close(() => r())));

test("names that never resolve stall only their own endpoints: Test Webhook answers at once, stuck attempts end at their timeout", async () => {
  const a = await createActor(h.services);
  const b = await createActor(h.services);
  const receiver = await h.startReceiver();
  const stuckLookup = createCachingLookup({
    servers: [`127.0.0.1:${(silentDns.address() as AddressInfo).port}`],
    hostsFile: null,
    timeoutMs: 10_000,
    tries: 1,
  });
  // Account A: 40 endpoints at names nobody answers for, 1 s timeout, one delivery each.
  for (let i = 0; i < 40; i++) {
    await insertEndpoint(h.db, a.accountId, `http://stuck-${i}.hookline.test:8080/hook`, { timeoutMs: 1000 });
  }
  const runner = h.startRunner({ idlePollMs: 50, attempt: { allowPrivateNetworks: true, lookup: stuckLookup } });
  await ingestEvents({ db: h.db, actor: a.actor, runner }, sampleEvent("sms.dlr"));
  await until(
    async () => queries,
    (n) => n >= 40,
    5_000,
  );

  // Account B tests its endpoint (a hosts-file name, resolved by the app's own resolver) meanwhile.
  const started = performance.now();
  const result = await testEndpoint(
    { db: h.db, actor: b.actor },
    {
      draft: {
        url: receiver.url.replace("127.0.0.1", "localhost"),
        product: "sms",
        reportType: "dlr",
        method: "JSON",
        payloadFormat: "envelope",
        paramMap: {},
        customParams: [],
        customHeaders: [],
        timeoutMs: 5000,
      } as never,
    },
  );
  const tookMs = performance.now() - started;
  expect(result.ok, JSON.stringify(result)).toBe(true);
  expect(tookMs).toBeLessThan(1000);
  console.log(`Test Webhook answered in ${tookMs.toFixed(0)} ms while 40 lookups hung`);

  // Each stuck attempt ended at its own 1 s timeout, the lookup included.
  const attempts = await until(
    () => h.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.accountId, a.accountId)),
    (rows) => rows.length >= 40,
    15_000,
  );
  for (const at of attempts) {
    expect(at.errorClass).toBe("timeout");
    expect(at.durationMs).toBeGreaterThanOrEqual(950);
    expect(at.durationMs).toBeLessThanOrEqual(1500);
  }
  const durations = attempts.map((x) => x.durationMs!).sort((x, y) => x - y);
  console.log(`stuck attempts: ${durations[0]}–${durations[durations.length - 1]} ms (timeout 1000 ms)`);
});
