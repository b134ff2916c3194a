import { z } from "zod";

export const DELIVERY_STATUSES = ["pending", "sending", "retrying", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const id = (prefix: string) => z.string().trim().regex(new RegExp(`^${prefix}_[0-9a-z]{10,40}$`), `must be a ${prefix}_… id`);

/** Filters for the deliveries list (UI and `GET /api/v1/deliveries`). Newest first. */
export const listDeliveriesSchema = z.object({
  endpointId: id("ep").optional(),
  eventId: id("evt").optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  /** The last id of the previous page. */
  cursor: id("dlv").optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const deliveryIdSchema = z.object({ id: id("dlv") });

export type ListDeliveriesInput = z.input<typeof listDeliveriesSchema>;
