import { type Db } from "@/db";
import { getDb } from "@/server/db";
import type { DeliveryRunner } from "@/server/delivery/delivery-runner";
import { getDeliveryRunner } from "@/server/delivery/runners/get-delivery-runner";
import type { Mailer } from "@/server/mail/mailer";
import { getMailer } from "@/server/mail/get-mailer";

/**
 * What a transport (tRPC, REST) hands the domain besides the actor. The app resolves them here;
 * tests build their own and inject them the same way into both transports (a test that sends no
 * mail may leave `mailer` out: the development outbox is used).
 */
export type AppServices = { db: Db; runner: DeliveryRunner; mailer?: Mailer };

export async function getAppServices(): Promise<AppServices> {
  const [db, runner] = await Promise.all([getDb(), getDeliveryRunner()]);
  return { db, runner, mailer: getMailer() };
}
