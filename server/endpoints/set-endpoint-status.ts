import type { RunnerContext } from "@/server/auth/actor";
import { enqueueEndpointBacklog } from "@/server/delivery/commands/enqueue-endpoint-backlog";
import { updateEndpoint } from "./update-endpoint";

/**
 * Pause / resume (and re-enable a disabled endpoint, which clears its failure count). On resume
 * the waiting deliveries are handed to the runner again (Inngest runs ended while paused).
 */
export async function setEndpointStatus(ctx: RunnerContext, input: { id: string; status: "active" | "paused" }) {
  const endpoint = await updateEndpoint(ctx, { id: input.id, data: { status: input.status } });
  if (input.status === "active") await enqueueEndpointBacklog(ctx, endpoint.id);
  return endpoint;
}
