import { z } from "zod";

export const MAX_EVENT_BYTES = 256 * 1024;
export const MAX_REQUEST_BYTES = 5 * 1024 * 1024;
export const MAX_BATCH = 1000;
export const IDEMPOTENCY_WINDOW_MS = 24 * 3600_000;

const idempotencyKey = z.string().trim().min(1).max(255, "idempotencyKey must be at most 255 characters");

/** Events with the same key reach an ordered endpoint in the order they were accepted. */
const orderingKey = z.string().trim().min(1).max(255, "orderingKey must be at most 255 characters");

export const eventInputSchema = z.object({
  type: z.string().min(1, "type is required").max(64),
  data: z.record(z.string(), z.unknown(), { error: "data must be an object" }),
  idempotencyKey: idempotencyKey.optional(),
  orderingKey: orderingKey
    .optional()
    .describe(
      "Events with the same key reach an endpoint with ordered delivery one at a time, in the order accepted. Default: data.message_id for sms.dlr and whatsapp.dlr.",
    ),
});

/** One event, or `{ events: [...] }` (1–1000). Type-specific data is checked against the catalog. */
export const ingestBodySchema = z.union([
  eventInputSchema,
  z.object({
    events: z
      .array(eventInputSchema)
      .min(1, "events must not be empty")
      .max(MAX_BATCH, `at most ${MAX_BATCH} events per request`),
  }),
]);

export type EventInput = z.infer<typeof eventInputSchema>;
export type IngestBody = z.infer<typeof ingestBodySchema>;
