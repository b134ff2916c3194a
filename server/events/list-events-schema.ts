import { z } from "zod";
import { DATE_RANGE_MESSAGE, isDateInRange } from "@/server/lib/date-range";
import { eventTypeSchema } from "./catalog";
import { searchTermSchema } from "./search-term";

/** Overall status of an event, derived from its deliveries (see `overallStatus`). */
export const EVENT_STATUSES = ["succeeded", "failed", "pending", "no_endpoints"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const eventIdSchema = z
  .string()
  .trim()
  .regex(/^evt_[0-9a-z]{10,40}$/, "must be an evt_… id");

const dateTime = (name: string) =>
  z.coerce
    .date({ error: `${name} must be a date and time (ISO 8601, e.g. 2025-12-31T10:15:00Z)` })
    .refine(isDateInRange, `${name} ${DATE_RANGE_MESSAGE}`);

/**
 * Filters for the Events list (tRPC, and a REST route later). Newest first.
 * - `status`: `succeeded` = every delivery succeeded (or was superseded by a later status of its
 *   message), `failed` = any failed, `pending` = any still
 *   on its way (pending, sending, retrying), `no_endpoints` = no delivery at all.
 * - `from` is inclusive, `to` exclusive.
 * - `cursor`: the `nextCursor` of the previous page (an event id).
 * - `search`: an event id, delivery id (webhook-id), transaction_id, message_id or mobile number
 *   (exact match; the mobile with or without "+").
 */
export const listEventsSchema = z
  .object({
    search: searchTermSchema.optional(),
    type: eventTypeSchema.optional(),
    status: z.enum(EVENT_STATUSES, { error: () => `status must be one of: ${EVENT_STATUSES.join(", ")}` }).optional(),
    from: dateTime("from").optional(),
    to: dateTime("to").optional(),
    cursor: eventIdSchema.optional().nullable(),
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be at least 1")
      .max(100, "limit must be at most 100")
      .default(25),
  })
  .refine((v) => !v.from || !v.to || v.from < v.to, { path: ["to"], message: "to must be after from" });

export type ListEventsInput = z.input<typeof listEventsSchema>;
