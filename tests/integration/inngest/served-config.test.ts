import { NextRequest } from "next/server";
import { expect, test } from "vitest";
import { PUT } from "@/app/api/inngest/route";

type ServedFunction = {
  id: string;
  triggers: { event?: string; cron?: string }[];
  concurrency?: { key?: string; limit: number }[];
  steps: Record<string, { retries?: { attempts?: number } }>;
};

/**
 * The configuration /api/inngest serves to Inngest, read through an in-band sync (the SDK answers
 * it with its function configs in the response instead of calling out; no network involved).
 */
test("/api/inngest serves deliver-webhook with per-endpoint concurrency and retries", async () => {
  const res = await PUT(
    new NextRequest("http://127.0.0.1:3000/api/inngest", {
      method: "PUT",
      headers: { "x-inngest-sync-kind": "in_band", "content-type": "application/json" },
      body: JSON.stringify({ url: "http://127.0.0.1:3000/api/inngest" }),
    }),
    undefined as never,
  );
  const body = (await res.json()) as { functions?: ServedFunction[] };
  expect(res.status).toBe(200);
  const fn = body.functions!.find((f) => f.id.endsWith("deliver-webhook"))!;
  expect(fn.triggers).toEqual([{ event: "webhook/delivery.requested" }]);
  expect(fn.concurrency).toEqual([expect.objectContaining({ key: "event.data.endpointId" })]);
  expect(fn.concurrency![0]!.limit).toBeGreaterThan(0);
  const step = Object.values(fn.steps)[0]!;
  expect(step.retries?.attempts).toBeGreaterThan(0);
});
