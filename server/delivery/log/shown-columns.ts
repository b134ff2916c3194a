import { and, gt, inArray, sql, type SQL } from "drizzle-orm";
import { deliveries } from "@/db/schema";
import type { DELIVERY_STATUSES } from "@/server/delivery/schemas";

type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The engine never writes `sending`: a live lease marks a delivery in flight (claiming touches
 * no index). What users see is derived here, once, for every list and detail.
 */
export const shownStatus = sql<DeliveryStatus>`(case when ${deliveries.status} in ('pending', 'retrying')
  and ${deliveries.leaseExpiresAt} > clock_timestamp() then 'sending' else ${deliveries.status} end)`;

/** A paused endpoint's deliveries are parked far in the future (engine/park.ts): no time to show. */
export const shownNextAttemptAt =
  sql<Date | null>`(case when ${deliveries.nextAttemptAt} > clock_timestamp() + interval '50 years'
  then null else ${deliveries.nextAttemptAt} end)`.mapWith((v: string | Date | null) =>
    v === null ? null : new Date(v),
  );

/** The filter for a shown status. */
export function shownStatusIs(status: DeliveryStatus): SQL {
  const leased = gt(deliveries.leaseExpiresAt, sql`clock_timestamp()`);
  if (status === "sending") return and(inArray(deliveries.status, ["pending", "retrying"]), leased)!;
  if (status === "pending" || status === "retrying")
    return sql`${deliveries.status} = ${status} and (${deliveries.leaseExpiresAt} is null or ${deliveries.leaseExpiresAt} <= clock_timestamp())`;
  return sql`${deliveries.status} = ${status}`;
}
