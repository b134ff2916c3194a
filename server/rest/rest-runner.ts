import type { DeliveryRunner } from "@/server/delivery/runners/delivery-runner";
import { getDeliveryRunner } from "@/server/delivery/runners/get-delivery-runner";

// Route handlers hand deliveries to the app's runner; integration tests hand them to their own
// (a LocalRunner on the test database), the same way rest-db.ts points handlers at a test database.
const g = globalThis as unknown as { __hooklineRestRunner?: DeliveryRunner | null };

export async function getRestRunner(): Promise<DeliveryRunner> {
  return g.__hooklineRestRunner ?? getDeliveryRunner();
}

/** Tests only: handlers use `runner` until called again with null. */
export function setRestRunner(runner: DeliveryRunner | null) {
  g.__hooklineRestRunner = runner;
}
