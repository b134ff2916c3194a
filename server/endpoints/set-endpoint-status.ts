import type { Db } from "@/db";
import type { Actor } from "@/server/api/trpc";
import { updateEndpoint } from "./update-endpoint";

/** Pause / resume (and re-enable a disabled endpoint, which clears its failure count). */
export function setEndpointStatus(ctx: { db: Db; actor: Actor }, input: { id: string; status: "active" | "paused" }) {
  return updateEndpoint(ctx, { id: input.id, data: { status: input.status } });
}
