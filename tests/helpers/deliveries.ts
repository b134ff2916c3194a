import type { Db } from "@/db";
import { accounts, deliveries, events } from "@/db/schema";
import { sampleEvent } from "@/server/events/catalog";
import { newId } from "@/server/lib/ids";

/** An account row alone (no user, no password hashing): for engine and runner tests. */
export async function insertAccount(db: Db): Promise<string> {
  const id = newId("acc");
  await db.insert(accounts).values({ id, type: "customer", name: `Account ${id}` });
  return id;
}

type DeliveryOverrides = Partial<typeof deliveries.$inferInsert>;

/** An sms.dlr event and one delivery of it to `endpointId`, with the delivery's columns as given. */
export async function insertDelivery(db: Db, accountId: string, endpointId: string, overrides: DeliveryOverrides = {}) {
  const sample = sampleEvent("sms.dlr");
  const eventId = newId("evt");
  await db.insert(events).values({ id: eventId, accountId, type: sample.type, data: sample.data });
  const [row] = await db
    .insert(deliveries)
    .values({ id: newId("dlv"), accountId, eventId, endpointId, ...overrides })
    .returning();
  return row!;
}
