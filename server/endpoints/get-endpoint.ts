import type { DomainContext } from "@/server/auth/actor";
import { loadThrottleView } from "@/server/delivery/throttle/load-throttle-view";
import { findOwnEndpoint } from "./find-own-endpoint";
import { toEndpointView } from "./to-endpoint-view";

/** One endpoint, with how fast the engine sends to it now (adaptive throttling). */
export async function getEndpoint({ db, actor }: DomainContext, input: { id: string }) {
  const row = await findOwnEndpoint(db, actor, input.id);
  return { ...toEndpointView(row), throttle: await loadThrottleView(db, row) };
}
