import type { DbOrTx } from "@/db";
import type { ClaimedDelivery } from "./claimed-delivery";
import { reserveRateSlots } from "./reserve-rate-slot";

/** A slot reserved earlier and missed by more than this (paused endpoint, dead process) is taken anew. */
const SLOT_GRACE_MS = 1000;
/** Longest a claimed delivery waits in memory for its slot; later slots are handed back. */
const MAX_WAIT_MS = 1500;

export type SlotPlan = {
  send: { item: ClaimedDelivery; waitMs: number }[];
  /** Handed back until just before their slot; `slotAt` null: no slot yet, reserved when it comes back. */
  defer: { id: string; dueAt: Date; slotAt: Date | null }[];
};

/**
 * Rate-limited endpoints: gives each claimed delivery its send slot — the one it reserved before
 * being handed back, or one of the new slots reserved in a single statement. Deliveries whose
 * slot is near wait for it in memory; the others are deferred to just before their slot, and
 * those beyond the reservation horizon to about when their turn would be, without a slot.
 */
export async function assignRateSlots(
  db: DbOrTx,
  endpointId: string,
  perSecond: number,
  items: ClaimedDelivery[],
): Promise<SlotPlan> {
  const plan: SlotPlan = { send: [], defer: [] };
  const fresh: ClaimedDelivery[] = [];
  for (const item of items) {
    const age = item.slotAgeMs;
    if (age !== null && age >= -MAX_WAIT_MS && age <= SLOT_GRACE_MS)
      plan.send.push({ item, waitMs: Math.max(0, -age) });
    else fresh.push(item);
  }
  if (!fresh.length) return plan;
  const slots = await reserveRateSlots(db, endpointId, perSecond, fresh.length);
  const leadMs = Math.min(250, slots.intervalMs / 2);
  fresh.forEach((item, i) => {
    if (i >= slots.granted) {
      const turn = slots.nextFreeAt.getTime() + (i - slots.granted) * slots.intervalMs;
      return void plan.defer.push({ id: item.id, dueAt: new Date(turn - slots.horizonMs), slotAt: null });
    }
    const waitMs = slots.firstWaitMs + i * slots.intervalMs;
    if (waitMs <= MAX_WAIT_MS) return void plan.send.push({ item, waitMs });
    const slotAt = new Date(slots.firstSlotAt.getTime() + i * slots.intervalMs);
    plan.defer.push({ id: item.id, slotAt, dueAt: new Date(slotAt.getTime() - leadMs) });
  });
  return plan;
}
