import type { Db } from "@/db";
import type { Actor } from "@/server/api/trpc";
import { enqueueEndpointBacklog } from "@/server/delivery/queries/enqueue-endpoint-backlog";
import type { DeliveryRunner } from "@/server/delivery/runners/delivery-runner";
import { updateEndpoint } from "./update-endpoint";

/**
 * Pause / resume (and re-enable a disabled endpoint, which clears its failure count). On resume
 * the waiting deliveries are handed to the runner again (Inngest runs ended while paused).
 */
export async function setEndpointStatus(
  ctx: { db: Db; actor: Actor; runner: DeliveryRunner },
  input: { id: string; status: "active" | "paused" },
) {
  const endpoint = await updateEndpoint(ctx, { id: input.id, data: { status: input.status } });
  if (input.status === "active") await enqueueEndpointBacklog(ctx, endpoint.id);
  return endpoint;
}
