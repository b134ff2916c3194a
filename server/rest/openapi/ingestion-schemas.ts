import { z } from "zod";
import { catalog, INGESTIBLE_EVENT_TYPES, type EventType, type IngestibleEventType } from "@/server/events/catalog";
import { eventInputSchema, ingestBodySchema } from "@/server/events/ingest-schemas";

/**
 * The ingestion body as documented: `ingestBodySchema` (server/events/ingest-schemas.ts) with
 * each event's `type` and `data` narrowed to the catalog, the way ingestEvents checks them.
 * Everything else (idempotencyKey, batch limits) is taken from the real schemas, so it follows them.
 */

export { INGESTIBLE_EVENT_TYPES };

/** "sms.dlr" → "SmsDlr" (component names). */
export function eventTypeComponentName(type: EventType): string {
  return type
    .split(/[._]/)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

/** One `{ type, data, idempotencyKey? }` schema per ingestible event type. */
function typedEvent(type: IngestibleEventType) {
  return eventInputSchema
    .extend({ type: z.literal(type), data: catalog[type].schema })
    .describe(catalog[type].description);
}

export const typedEventSchemas = Object.fromEntries(
  INGESTIBLE_EVENT_TYPES.map((type) => [type, typedEvent(type)]),
) as Record<IngestibleEventType, ReturnType<typeof typedEvent>>;

export const typedEventSchema = z.discriminatedUnion(
  "type",
  INGESTIBLE_EVENT_TYPES.map((t) => typedEventSchemas[t]) as [
    ReturnType<typeof typedEvent>,
    ...ReturnType<typeof typedEvent>[],
  ],
);

const batchSchema = ingestBodySchema.options[1];

/** The events array with the batch schema's own checks (1–MAX_BATCH) kept. */
const typedEventsArray = z
  .array(typedEventSchema)
  .check(...((batchSchema.shape.events._zod.def.checks ?? []) as z.core.$ZodCheck<unknown[]>[]));

export const typedIngestBodySchema = z.union([typedEventSchema, batchSchema.extend({ events: typedEventsArray })]);
