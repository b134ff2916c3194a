import { z } from "zod";
import { searchTermSchema } from "@/server/events/search-term";
import { EVENT_TYPES } from "@/server/events/catalog";
import { DATE_RANGE_MESSAGE, isDateInRange } from "@/server/lib/date-range";

/** `superseded`: a later status of the same message was sent instead (latest status only); not a failure. */
export const DELIVERY_STATUSES = ["pending", "sending", "retrying", "succeeded", "failed", "superseded"] as const;

const id = (prefix: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^${prefix}_[0-9a-z]{10,40}$`), `must be a ${prefix}_… id`);

/**
 * A point in time: a Date (tRPC) or a string (REST query strings, URL search params) such as
 * `2026-11-29T10:00:00Z` or `2026-11-29`. Anything unparseable is a clear error, not a 500.
 */
const dateParam = z
  .union([z.date(), z.string().trim().min(1, "must be a date-time, e.g. 2026-11-29T10:00:00Z")])
  .transform((value, ctx) => {
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "must be a date-time, e.g. 2026-11-29T10:00:00Z" });
      return z.NEVER;
    }
    if (!isDateInRange(date)) {
      ctx.addIssue({ code: "custom", message: DATE_RANGE_MESSAGE });
      return z.NEVER;
    }
    return date;
  });

/** Filters for the deliveries list (UI and `GET /api/v1/deliveries`). Newest first. */
export const listDeliveriesSchema = z
  .object({
    endpointId: id("ep").optional(),
    /** An event id, delivery id (webhook-id), transaction_id, message_id or mobile number: exact match. */
    search: searchTermSchema.optional(),
    eventId: id("evt").optional(),
    eventType: z.enum(EVENT_TYPES, { error: () => `must be one of: ${EVENT_TYPES.join(", ")}` }).optional(),
    status: z.enum(DELIVERY_STATUSES, { error: () => `must be one of: ${DELIVERY_STATUSES.join(", ")}` }).optional(),
    /** Created at or after this time. */
    since: dateParam.optional(),
    /** Created before this time. */
    until: dateParam.optional(),
    /** The last id of the previous page. */
    cursor: id("dlv").optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((v) => !v.since || !v.until || v.since < v.until, { path: ["until"], message: "must be later than since" });

export const deliveryIdSchema = z.object({ id: id("dlv") });

export type ListDeliveriesInput = z.input<typeof listDeliveriesSchema>;

/** The most deliveries one replay re-queues; the rest wait for the next replay. */
export const REPLAY_LIMIT = 1000;

const replayOptions = {
  /** Failed deliveries created at or after this time are replayed. Default: 24 hours ago. */
  since: dateParam.optional(),
  /** Also deliver the events it never got a delivery for since then (those that arrived while it was disabled). */
  includeMissed: z.boolean({ error: "includeMissed must be true or false" }).default(false),
  /** Also send again the deliveries superseded by a later status of their message (latest status only). */
  includeSuperseded: z.boolean({ error: "includeSuperseded must be true or false" }).default(false),
};

export const startReplaySchema = z.object({ endpointId: id("ep"), ...replayOptions });

/** `POST /api/v1/endpoints/{id}/replay` body: the replay options (the endpoint is in the path). */
export const replayBodySchema = z.strictObject(replayOptions);
export type StartReplayInput = z.input<typeof startReplaySchema>;

export const replayPreviewSchema = startReplaySchema;

export const replayIdSchema = z.object({ id: id("rpl") });

export const listReplaysSchema = z.object({
  endpointId: id("ep"),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/** Replays look back 24 hours unless told otherwise. */
export function defaultReplaySince(now = Date.now()): Date {
  return new Date(now - 24 * 60 * 60 * 1000);
}
