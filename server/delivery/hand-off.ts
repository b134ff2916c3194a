import type { DeliveryItem, DeliveryRunner } from "./delivery-runner";

/**
 * Hands committed deliveries to the runner. Never throws: the rows are already in the database,
 * which is the queue — the local runner polls it and the Inngest sweep re-sends what was not
 * handed off — so an unreachable Inngest must not turn a saved change into an error for the user.
 * Returns whether the runner took them now.
 */
export async function handOff(runner: DeliveryRunner, items: DeliveryItem[], what: string): Promise<boolean> {
  if (!items.length) return true;
  try {
    await runner.enqueue(items);
    return true;
  } catch (err) {
    console.error(
      `[hookline] hand-off of ${items.length} deliveries (${what}) not confirmed; they stay due and are picked up later if need be:`,
      err instanceof Error ? err.message : err,
    );
    return false;
  }
}
