import type { ChainLink, ChainStart } from "./link-chain-tails";

export type PlannedDelivery = {
  id: string;
  event_id: string;
  endpoint_id: string;
  parked: boolean;
  /** Null: not ordered (endpoint without ordered delivery, or an event without a key). */
  ordering_key: string | null;
  /** Position in this batch's part of the key's chain (1, 2, …). */
  pos: number | null;
  /** Within the batch: the delivery before (it waits for) and after this one. */
  prev: string | null;
  next: string | null;
};

/**
 * Chains a batch's ordered deliveries per (endpoint, key) in acceptance order: each waits for the
 * one before it in the batch; the first of each chain is returned to be linked behind the key's
 * open tail in the database.
 */
export function planChains(planned: PlannedDelivery[]): ChainStart[] {
  const last = new Map<string, PlannedDelivery>();
  const starts: ChainStart[] = [];
  for (const d of planned) {
    if (d.ordering_key === null) continue;
    const key = `${d.endpoint_id}\u0000${d.ordering_key}`;
    const before = last.get(key);
    if (before) {
      before.next = d.id;
      d.prev = before.id;
      d.pos = (before.pos ?? 0) + 1;
    } else {
      d.pos = 1;
      starts.push({ endpoint_id: d.endpoint_id, ordering_key: d.ordering_key, first_id: d.id });
    }
    last.set(key, d);
  }
  return starts;
}

/** What each ordered delivery is inserted with, once the chains' first ones are linked. */
export function chainColumns(planned: PlannedDelivery[], links: Map<string, ChainLink>) {
  const firstOf = new Map<string, ChainLink>();
  for (const d of planned) {
    if (d.ordering_key === null) continue;
    const link = d.prev === null ? links.get(d.id) : firstOf.get(d.prev);
    if (link) firstOf.set(d.id, link);
  }
  return planned.map((d) => {
    const link = firstOf.get(d.id);
    return {
      ...d,
      blocked_by: d.prev ?? link?.tailId ?? null,
      successor_id: d.next,
      ordering_seq: d.ordering_key === null ? null : (link?.tailSeq ?? 0) + (d.pos ?? 1),
    };
  });
}
