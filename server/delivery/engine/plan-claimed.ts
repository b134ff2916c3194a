import type { Db } from "@/db";
import type { SendableEndpoint } from "@/server/endpoints/decrypt-endpoint";
import { assignRateSlots } from "./assign-rate-slots";
import type { ClaimedDelivery } from "./claimed-delivery";
import { deferDeliveries } from "./defer-deliveries";
import { failDeliveries } from "./fail-deliveries";
import { loadSendableEndpoints } from "./load-sendable-endpoints";
import { noteInternalFailures } from "./note-internal-failures";

export type ReadyDelivery = { item: ClaimedDelivery; endpoint: SendableEndpoint; waitMs: number };

export type Plan = {
  /** To send once `waitMs` has passed (a rate slot), in slot order per endpoint. */
  ready: ReadyDelivery[];
  /** Handed back until their rate slot. */
  deferred: { id: string; dueAt: Date }[];
  /** Not sent: endpoint disabled, or an internal error (counted). */
  ended: { id: string; reason: "disabled" | "internal" }[];
};

/**
 * Between claim and send, for a whole batch at once: deliveries of a disabled endpoint fail
 * (kept for replay), endpoint configs come from the cache or one query, rate-limited endpoints
 * get their slots (one reservation per endpoint), far slots are handed back. Work for an endpoint
 * whose config cannot be read (a changed ENCRYPTION_KEY) is counted as an internal failure.
 */
export async function planClaimed(db: Db, claimed: ClaimedDelivery[]): Promise<Plan> {
  const plan: Plan = { ready: [], deferred: [], ended: [] };
  const byEndpoint = new Map<string, ClaimedDelivery[]>();
  const disabled: { id: string; reason: string }[] = [];
  for (const item of claimed) {
    if (item.endpoint.status === "disabled") {
      disabled.push({ id: item.id, reason: `Endpoint disabled: ${item.endpoint.disabledReason ?? "by the system"}` });
      continue;
    }
    const list = byEndpoint.get(item.endpointId) ?? [];
    list.push(item);
    byEndpoint.set(item.endpointId, list);
  }
  await failDeliveries(db, disabled);
  plan.ended.push(...disabled.map((d) => ({ id: d.id, reason: "disabled" as const })));

  let configs: Map<string, SendableEndpoint>;
  try {
    configs = await loadSendableEndpoints(
      db,
      new Map([...byEndpoint].map(([id, items]) => [id, items[0]!.endpoint.version])),
    );
  } catch (err) {
    const items = [...byEndpoint.values()].flat();
    await noteInternalFailures(
      db,
      items.map((i) => ({ id: i.id, error: err })),
    );
    plan.ended.push(...items.map((i) => ({ id: i.id, reason: "internal" as const })));
    return plan;
  }

  for (const [endpointId, items] of byEndpoint) {
    const endpoint = configs.get(endpointId);
    if (!endpoint) continue; // deleted since the claim: its deliveries went with it
    const perSecond = items[0]!.endpoint.rateLimitPerSecond;
    if (!perSecond) {
      for (const item of items) plan.ready.push({ item, endpoint, waitMs: 0 });
      continue;
    }
    const slots = await assignRateSlots(db, endpointId, perSecond, items);
    for (const s of slots.send) plan.ready.push({ item: s.item, endpoint, waitMs: s.waitMs });
    await deferDeliveries(db, slots.defer);
    plan.deferred.push(...slots.defer.map((d) => ({ id: d.id, dueAt: d.dueAt })));
  }
  return plan;
}
