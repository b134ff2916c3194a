import type { DeliveryItem } from "@/server/delivery/delivery-runner";

/** A runner that records what it is handed and sends nothing. */
export function recorder() {
  const items: DeliveryItem[] = [];
  return { items, enqueue: async (batch: DeliveryItem[]) => void items.push(...batch) };
}
