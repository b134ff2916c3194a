import { type Db } from "@/db";
import { getDb } from "@/server/db";
import type { DeliveryRunner } from "@/server/delivery/delivery-runner";
import { getDeliveryRunner } from "@/server/delivery/runners/get-delivery-runner";

/**
 * What a transport (tRPC, REST) hands the domain besides the actor. The app resolves them here;
 * tests build their own and inject them the same way into both transports.
 */
export type AppServices = { db: Db; runner: DeliveryRunner };

export async function getAppServices(): Promise<AppServices> {
  const [db, runner] = await Promise.all([getDb(), getDeliveryRunner()]);
  return { db, runner };
}
