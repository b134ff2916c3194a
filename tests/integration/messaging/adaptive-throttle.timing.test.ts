import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import { queryRows } from "@/db";
import { deliveries, endpointThrottles } from "@/db/schema";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import { until } from "@/tests/helpers/wait-until";

/**
 * Adaptive throttling against a receiver that takes at most 20 requests in any second and answers
 * 429 to the rest. A timing measurement: it runs alone (vitest.timing.config.ts). The receiver
 * (and, in the second test, a second runner) live in processes of their own.
 */
const h = setupIntegration();
const FIXTURES = path.join(import.meta.dirname, "fixtures");
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGTERM");
});

const RECEIVER_LIMIT = 20;
const CONFIGURED_LIMIT = 50;
const EVENTS = 700;
const REFUSING_MS = 10_000;
const SCHEDULE = [0, ...Array(30).fill(2000)];

type Received = { at: number; status: number };

function spawnChild(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, args, {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise<string>((resolve) => child.stdout!.once("data", (b: Buffer) => resolve(b.toString().trim())));
}

async function run(secondProcess: boolean) {
  const port = await spawnChild([path.join(FIXTURES, "refusing-receiver.mjs")], { LIMIT: String(RECEIVER_LIMIT) });
  const url = `http://127.0.0.1:${port}`;
  const received = async () => (await (await fetch(`${url}/__requests`)).json()) as Received[];
  const me = await createActor(h.services);
  const ep = await insertEndpoint(h.db, me.accountId, `${url}/hook`, { rateLimitPerSecond: CONFIGURED_LIMIT });
  if (secondProcess) {
    const [row] = await queryRows<{ db: string }>(h.db, sql`select current_database() as db`);
    const dbUrl = new URL(process.env.TEST_DATABASE_URL!);
    dbUrl.pathname = `/${row!.db}`;
    await spawnChild(["--import", "tsx", path.join(FIXTURES, "runner-process.ts")], {
      DB: dbUrl.toString(),
      SCHEDULE: JSON.stringify(SCHEDULE),
    });
  }
  const runner = h.startRunner({ idlePollMs: 50, attempt: { allowPrivateNetworks: true, schedule: SCHEDULE } });
  await ingestEvents(
    { db: h.db, actor: me.actor, runner },
    { events: Array.from({ length: EVENTS }, () => sampleEvent("sms.dlr")) },
  );

  const first = await until(received, (r) => r.length > 0);
  const t0 = first[0]!.at;
  await until(received, (r) => r.length > 0 && r.at(-1)!.at - t0 >= REFUSING_MS, REFUSING_MS + 20_000);
  const throttle = async () =>
    (await h.db.select().from(endpointThrottles).where(eq(endpointThrottles.endpointId, ep.id)))[0]!;
  // Read before opening: once the receiver takes everything the rate starts climbing at once.
  const throttledAtOpen = await throttle();
  await fetch(`${url}/__open`, { method: "POST" });
  const opened = (await received()).at(-1)!.at;
  // Once it takes everything, the rate climbs back toward the configured limit (the throttling
  // ends there) — as fast as this machine's sends use the rate it is given.
  const climbed = (t: { rate: number | null }) => t.rate === null || t.rate >= RECEIVER_LIMIT * 1.5;
  const recovered = await until(throttle, climbed, 30_000);
  const recoveredMs = (await received()).at(-1)!.at - opened;

  const rows = await until(
    () => h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id)),
    (r) => r.every((d) => d.status === "succeeded"),
    60_000,
  );
  expect(rows.filter((d) => d.status !== "succeeded")).toHaveLength(0);
  const all = await received();

  // While refusing: after the first seconds (a halving, then a cut to what it accepted), what the
  // receiver accepted per second, and how many it had to refuse.
  const steady = all.filter((r) => r.at >= t0 + 3000 && r.at < opened);
  const seconds = (opened - (t0 + 3000)) / 1000;
  const acceptedPerSecond = steady.filter((r) => r.status === 200).length / seconds;
  const refused = steady.filter((r) => r.status === 429).length;
  const firstSecondRefused = all.filter((r) => r.at < t0 + 1000 && r.status === 429).length;
  // After the receiver stops refusing: the busiest second, well above what it took before.
  const later = all.filter((r) => r.at >= opened).map((r) => r.at);
  const busiest = Math.max(0, ...later.map((t) => later.filter((u) => u >= t && u < t + 1000).length));
  console.log(
    `${secondProcess ? "two processes" : "one process"}: first second ${firstSecondRefused} refused; ` +
      `then ${acceptedPerSecond.toFixed(1)}/s accepted, ${refused} of ${steady.length} refused; ` +
      `throttle at open: ${throttledAtOpen?.rate?.toFixed(1)}/s (${throttledAtOpen?.reason}); ` +
      `${recovered.rate === null ? "full rate" : `${recovered.rate.toFixed(1)}/s`} ${(recoveredMs / 1000).toFixed(1)} s after it stopped refusing; busiest second then ${busiest}`,
  );

  expect(acceptedPerSecond).toBeGreaterThan(RECEIVER_LIMIT * 0.7);
  expect(acceptedPerSecond).toBeLessThanOrEqual(RECEIVER_LIMIT + 0.5);
  // Without throttling about 60 % would be refused. While the throttle counted a report's attempts
  // twice (recorded, then reported), each cut was only to 90 % of the rate and the refusals went on
  // for seconds: 3–20.5 % here in 17 runs. Counted once, 0–1.6 % in 6.
  expect(refused / steady.length).toBeLessThan(0.1);
  // Still slowed when the receiver opens up. (How far it has climbed by then depends on how fast
  // this machine could send meanwhile: the rate rises while the receiver takes what is sent.)
  expect(throttledAtOpen?.rate).toBeGreaterThan(RECEIVER_LIMIT * 0.6);
  expect(throttledAtOpen?.rate).toBeLessThan(CONFIGURED_LIMIT);
  expect(throttledAtOpen?.reason).toMatch(/^429 Too Many Requests/);
  // Recovering: well above what the receiver took before, and more went through in a second.
  expect(climbed(recovered)).toBe(true);
  expect(busiest).toBeGreaterThan(RECEIVER_LIMIT);
}

test("a receiver that refuses above 20/s: the engine settles near 20/s with few 429s after the first seconds, then recovers toward the limit", async () => {
  await run(false);
}, 120_000);

test.skipIf(!process.env.TEST_DATABASE_URL)(
  "two processes on one Postgres obey one rate together",
  async () => {
    await run(true);
  },
  120_000,
);
