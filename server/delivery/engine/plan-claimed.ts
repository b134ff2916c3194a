import type { Db } from "@/db";
import { collapseToLatest } from "@/server/delivery/ordering/collapse-to-latest";
import { DLR_TYPES } from "@/server/delivery/ordering/status-rank";
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
  /** Not sent: endpoint disabled, an internal error (counted), or a later status of its message goes instead. */
  ended: { id: string; reason: "disabled" | "internal" | "superseded" }[];
  /** Deliveries that stopped waiting because one of these ended (the next of its message). */
  released: string[];
};

/**
 * Between claim and send, for a whole batch at once: deliveries of a disabled endpoint fail
 * (kept for replay), a latest-status-only endpoint's DLR queues collapse to their most advanced
 * status, endpoint configs come from the cache or one query, rate-limited endpoints get their
 * slots (one reservation per endpoint), far slots are handed back. Work for an endpoint whose
 * config cannot be read (a changed ENCRYPTION_KEY) is counted as an internal failure. Ready
 * items may be deliveries that were not claimed (a collapse's winner holds the head's lease).
 */
export async function planClaimed(db: Db, batch: ClaimedDelivery[]): Promise<Plan> {
  const plan: Plan = { ready: [], deferred: [], ended: [], released: [] };
  const claimed = await collapseQueues(db, batch, plan);
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
  plan.released.push(...(await failDeliveries(db, disabled)));
  plan.ended.push(...disabled.map((d) => ({ id: d.id, reason: "disabled" as const })));

  let configs: Map<string, SendableEndpoint>;
  try {
    configs = await loadSendableEndpoints(
      db,
      new Map([...byEndpoint].map(([id, items]) => [id, items[0]!.endpoint.version])),
    );
  } catch (err) {
    const items = [...byEndpoint.values()].flat();
    const released = await noteInternalFailures(
      db,
      items.map((i) => ({ id: i.id, error: err })),
    );
    plan.released.push(...released);
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

async function collapseQueues(db: Db, batch: ClaimedDelivery[], plan: Plan): Promise<ClaimedDelivery[]> {
  const heads = batch.filter(
    (c) =>
      c.endpoint.latestStatusOnly &&
      c.endpoint.status === "active" &&
      c.orderingKey !== null &&
      (DLR_TYPES as readonly string[]).includes(c.event.type),
  );
  if (!heads.length) return batch;
  const { replaced, superseded } = await collapseToLatest(db, heads);
  plan.ended.push(...superseded.map((id) => ({ id, reason: "superseded" as const })));
  const gone = new Set(superseded);
  return batch.flatMap((c) => {
    const instead = replaced.get(c.id);
    if (instead) return [instead];
    return gone.has(c.id) ? [] : [c];
  });
}
