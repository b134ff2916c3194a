import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { deliveries } from "@/db/schema";
import { LocalRunner } from "@/server/delivery/runners/local-runner";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { createTestDb } from "@/tests/helpers/db";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { until } from "@/tests/helpers/wait-until";

/**
 * Arrival spacing at a receiver is a timing measurement: it runs alone (`vitest.timing.config.ts`,
 * after the parallel suite in `npm test`), so other test files cannot hold up its sends.
 */
let h: DbHandle;
let runner: LocalRunner | undefined;
beforeAll(async () => {
  h = await createTestDb();
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
});
afterAll(() => h.close());

test("rate limit 5/s: 20 deliveries arrive paced at 200 ms (median gap ≥ 190 ms, 19 intervals in all), never in a burst", async () => {
  // The receiver runs in a process of its own: timestamps taken in this process would be held up
  // whenever the runner (and in-process PGlite) keeps the event loop busy.
  const child = spawn(process.execPath, [path.join(import.meta.dirname, "fixtures", "timing-receiver.mjs")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<string>((resolve) =>
    child.stdout.once("data", (b: Buffer) => resolve(b.toString().trim())),
  );
  const url = `http://127.0.0.1:${port}`;
  const received = async () => (await (await fetch(`${url}/__requests`)).json()) as { at: number; webhookId: string }[];
  try {
    const actor = await createActor(h.db);
    await insertEndpoint(h.db, actor.accountId, `${url}/hook`, { rateLimitPerSecond: 5 });
    runner = new LocalRunner({ db: h.db, idlePollMs: 20, attempt: { allowPrivateNetworks: true } });
    runner.start();
    const ingest = (n: number) =>
      ingestEvents(
        { db: h.db, accountId: actor.accountId, runner: runner! },
        { events: Array.from({ length: n }, () => sampleEvent("sms.dlr")) },
      );

    // Warm up first: a process's first requests pay for compiling undici's parser, opening the
    // connection and (on PGlite) planning each query; that would measure start-up, not spacing.
    await ingest(2);
    await until(received, (r) => r.length === 2);

    await ingest(20);
    const all = await until(received, (r) => r.length === 22, 30_000);
    const times = all.slice(2).map((r) => r.at);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // Paced at the limit: the typical gap is the full 200 ms and 20 sends take 19 intervals. A
    // machine busy with other work can delay one send into the next one's slot, so a single gap
    // is only required to be well apart (unthrottled sends arrive ~1 ms apart).
    const sorted = [...gaps].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeGreaterThanOrEqual(190);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(19 * 200 * 0.95);
    expect(sorted[0]).toBeGreaterThanOrEqual(150);
    expect(new Set(all.map((r) => r.webhookId)).size).toBe(22);
    // Deferred, never dropped or failed: every delivery went out on its first attempt.
    const rows = await until(
      () => h.db.select().from(deliveries).where(eq(deliveries.accountId, actor.accountId)),
      (r) => r.every((d) => d.status === "succeeded"),
    );
    expect(rows).toHaveLength(22);
    expect(rows.every((d) => d.status === "succeeded" && d.attempts === 1)).toBe(true);
  } finally {
    child.kill("SIGTERM");
  }
});
