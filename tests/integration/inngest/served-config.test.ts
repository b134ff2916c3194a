import { NextRequest } from "next/server";
import { beforeAll, expect, test } from "vitest";

type ServedFunction = {
  id: string;
  triggers: { event?: string; cron?: string }[];
  concurrency?: { key?: string; limit: number }[];
  singleton?: { key?: string; mode: string };
  steps: Record<string, { retries?: { attempts?: number } }>;
};

let route: typeof import("@/app/api/inngest/route");
beforeAll(async () => {
  // This file's server runs deliveries on Inngest (a dev server: no keys needed).
  process.env.DELIVERY_RUNNER = "inngest";
  route = await import("@/app/api/inngest/route");
});

/**
 * The configuration /api/inngest serves to Inngest, read through an in-band sync (the SDK answers
 * it with its function configs in the response instead of calling out; no network involved).
 */
async function served(): Promise<ServedFunction[]> {
  const res = await route.PUT(
    new NextRequest("http://127.0.0.1:3000/api/inngest", {
      method: "PUT",
      headers: { "x-inngest-sync-kind": "in_band", "content-type": "application/json" },
      body: JSON.stringify({ url: "http://127.0.0.1:3000/api/inngest" }),
    }),
    undefined as never,
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { functions: ServedFunction[] }).functions;
}

test("deliver-webhook: one live run per delivery (singleton, cancel mode), per-endpoint concurrency, retries", async () => {
  const fn = (await served()).find((f) => f.id.endsWith("deliver-webhook"))!;
  expect(fn.triggers).toEqual([{ event: "webhook/delivery.requested" }]);
  // A new request for a delivery (manual retry, resume, replay) replaces its live run.
  expect(fn.singleton).toEqual({ key: "event.data.deliveryId", mode: "cancel" });
  expect(fn.concurrency).toEqual([expect.objectContaining({ key: "event.data.endpointId" })]);
  expect(fn.concurrency![0]!.limit).toBeGreaterThan(0);
  const step = Object.values(fn.steps)[0]!;
  expect(step.retries?.attempts).toBeGreaterThan(0);
});

test("the sweep every five minutes and the hourly housekeeping are served too", async () => {
  const fns = await served();
  expect(fns.find((f) => f.id.endsWith("sweep-deliveries"))?.triggers).toEqual([{ cron: "*/5 * * * *" }]);
  expect(fns.find((f) => f.id.endsWith("prune-old-attempts"))?.triggers).toEqual([{ cron: "17 * * * *" }]);
});

test("a run may take as long as Inngest's Vercel guide allows (maxDuration 300 s)", () => {
  expect(route.maxDuration).toBe(300);
  expect(route.runtime).toBe("nodejs");
});
