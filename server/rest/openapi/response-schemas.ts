import { z } from "zod";
import { DELIVERY_STATUSES } from "@/server/delivery/schemas";
import { PAYLOAD_FORMATS, SEND_METHODS } from "@/server/endpoints/schemas";
import { PRODUCTS, REPORT_TYPES } from "@/server/endpoints/param-map";
import { EVENT_TYPES } from "@/server/events/catalog";
import { EVENT_STATUSES } from "@/server/events/list-events-schema";
import { ERROR_STATUS, type RestErrorCode } from "@/server/rest/respond";

/** What REST v1 answers, as zod schemas (documentation only: handlers build these shapes). */

const timestamp = z.iso.datetime({ offset: true }).describe("ISO 8601 timestamp (UTC)");
const ERROR_CODES = Object.keys(ERROR_STATUS) as [RestErrorCode, ...RestErrorCode[]];

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES).describe("Stable, machine-readable error code"),
    message: z.string().describe("What went wrong, in plain language"),
    issues: z
      .array(
        z.object({
          path: z
            .array(z.union([z.string(), z.number()]))
            .describe('Where the problem is, e.g. ["events", 0, "data", "mobile"]'),
          message: z.string(),
        }),
      )
      .optional()
      .describe("One entry per invalid field"),
  }),
});

export const endpointViewSchema = z.object({
  id: z.string().describe("ep_… id"),
  url: z.string(),
  description: z.string(),
  product: z.enum(PRODUCTS),
  reportType: z.enum(REPORT_TYPES),
  eventTypes: z.array(z.enum(EVENT_TYPES)),
  method: z.enum(SEND_METHODS),
  payloadFormat: z.enum(PAYLOAD_FORMATS),
  wabaNumber: z.string().nullable(),
  paramMap: z.record(z.string(), z.string()).describe("canonical field → your parameter name"),
  customParams: z.array(z.object({ key: z.string(), value: z.string() })),
  customHeaders: z.array(z.object({ name: z.string(), value: z.string().describe("always masked: ••••••••") })),
  rateLimitPerSecond: z.number().int().nullable(),
  timeoutMs: z.number().int(),
  orderedDelivery: z
    .boolean()
    .describe("deliveries sharing an ordering key (a DLR's message_id) go out one at a time, in order"),
  latestStatusOnly: z.boolean().describe("during a backlog only each message's most advanced DLR status is sent"),
  adaptiveThrottle: z.boolean().describe("slows down on 429/503 or slow responses, speeds up again while healthy"),
  status: z.enum(["active", "paused", "disabled"]),
  disabledReason: z.string().nullable(),
  disabledAt: timestamp.nullable(),
  consecutiveFailures: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const throttleViewSchema = z.object({
  adaptiveThrottle: z.boolean(),
  state: z.enum(["off", "full", "slowed"]).describe("slowed: sent at currentRate until the endpoint is healthy again"),
  currentRate: z.number().nullable().describe("requests per second sent now; null: the configured limit (or none)"),
  rateLimitPerSecond: z.number().int().nullable(),
  reason: z.string().nullable().describe('why it was last slowed, e.g. "429 Too Many Requests"'),
  slowedAt: timestamp.nullable(),
  recoveredAt: timestamp.nullable().describe("when it last got back to full rate"),
  lastRefusalAt: timestamp.nullable(),
  lastRefusalStatus: z.number().int().nullable(),
  holdUntil: timestamp.nullable().describe("Retry-After: nothing is sent before this"),
  usualResponseMs: z.number().int().nullable().describe("its usual response time, which latency is judged against"),
  summary: z.string().describe('e.g. "Slowed to 12/s after 429 Too Many Requests at 14:02 UTC."'),
});

export const endpointDetailSchema = endpointViewSchema.extend({
  throttle: throttleViewSchema.describe("how fast Hookline sends to it now (adaptive throttling)"),
});

export const endpointCreatedSchema = endpointViewSchema.extend({
  signingSecret: z.string().describe("whsec_… — shown only in this response; store it to verify signatures"),
});

export const endpointListSchema = z.object({ data: z.array(endpointViewSchema) });

const httpRequestSchema = z.object({
  method: z.enum(["GET", "POST"]),
  url: z.string(),
  headers: z.record(z.string(), z.string()).describe("as sent; custom header values redacted"),
  body: z.string().nullable(),
});

export const webhookTestResultSchema = z.object({
  ok: z.boolean().describe("true for a 2xx answer"),
  status: z.number().int().nullable().describe("HTTP status, null when no response arrived"),
  durationMs: z.number(),
  responseBody: z.string().describe("first 16 KB"),
  errorClass: z
    .enum(["timeout", "dns", "refused", "tls", "http_status", "blocked_address", "invalid_response", "network"])
    .nullable(),
  errorMessage: z.string().nullable(),
  hint: z.string().nullable().describe("plain-language explanation of a failure"),
  request: httpRequestSchema,
});

export const rotatedSecretSchema = z.object({
  signingSecret: z.string().describe("the new whsec_… secret"),
  previousSecretExpiresAt: timestamp.describe("the old secret keeps signing until then"),
});

export const eventAcceptedSchema = z.object({ id: z.string().describe("evt_… id") });
export const eventsAcceptedSchema = z.object({ ids: z.array(z.string()).describe("evt_… ids, in request order") });

const deliveryCountsSchema = z.object({
  total: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  inFlight: z.number().int().describe("pending, sending or retrying"),
  superseded: z.number().int().describe("not sent: a later status of the same message was sent instead"),
});

export const eventSummarySchema = z.object({
  id: z.string().describe("evt_… id"),
  type: z.enum(EVENT_TYPES),
  createdAt: timestamp,
  deliveries: deliveryCountsSchema,
  status: z
    .enum(EVENT_STATUSES)
    .describe(
      "succeeded: every delivery succeeded (or was superseded); failed: any failed; pending: any on its way; no_endpoints: no delivery",
    ),
});

export const eventListSchema = z.object({
  data: z.array(eventSummarySchema),
  nextCursor: z.string().nullable().describe("pass as `cursor` for the next page; null on the last page"),
});

export const eventDetailSchema = z.object({
  id: z.string(),
  type: z.enum(EVENT_TYPES),
  data: z
    .record(z.string(), z.unknown())
    .describe("the event data, in catalog field order; mobile numbers and message text masked when `masked`"),
  masked: z.boolean().describe("the account masks PII (now, or when the event arrived): see Settings → Privacy"),
  idempotencyKey: z.string().nullable(),
  createdAt: timestamp,
  deliveries: z.array(
    z.object({
      id: z.string().describe("dlv_… id"),
      endpointId: z.string(),
      endpointUrl: z.string(),
      endpointDescription: z.string(),
      endpointStatus: z.enum(["active", "paused", "disabled"]),
      status: z.enum(DELIVERY_STATUSES),
      attempts: z.number().int(),
      lastStatusCode: z.number().int().nullable(),
      lastError: z.string().nullable(),
      nextAttemptAt: timestamp.nullable(),
      deliveredAt: timestamp.nullable(),
      createdAt: timestamp,
      updatedAt: timestamp,
    }),
  ),
  counts: deliveryCountsSchema,
  status: z.enum(EVENT_STATUSES),
});

export const deliverySummarySchema = z.object({
  id: z.string().describe("dlv_… id, also the webhook-id header"),
  eventId: z.string(),
  eventType: z.string(),
  endpointId: z.string(),
  endpointUrl: z.string(),
  endpointDescription: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int().describe("attempts made so far"),
  nextAttemptAt: timestamp.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: timestamp.nullable(),
  replayId: z.string().nullable().describe("rpl_… id of the replay that re-queued it, if any"),
  orderingKey: z
    .string()
    .nullable()
    .describe("ordered delivery: its message's key (message_id, or the orderingKey given)"),
  blockedBy: z.string().nullable().describe("dlv_… id of the earlier delivery of the same message it waits for"),
  supersededBy: z.string().nullable().describe("dlv_… id of the later status of the same message sent instead of it"),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const deliveryListSchema = z.object({
  data: z.array(deliverySummarySchema),
  nextCursor: z.string().nullable().describe("pass as `cursor` for the next page; null on the last page"),
});

export const deliveryAttemptSchema = z.object({
  id: z.string(),
  attemptNumber: z.number().int(),
  trigger: z.enum(["scheduled", "manual", "test"]),
  request: httpRequestSchema,
  responseStatus: z.number().int().nullable(),
  responseHeaders: z.record(z.string(), z.string()).nullable(),
  responseBody: z.string().nullable(),
  durationMs: z.number().int(),
  errorClass: z.string().nullable(),
  errorMessage: z.string().nullable(),
  createdAt: timestamp,
});

export const deliveryDetailSchema = deliverySummarySchema.extend({
  event: z.object({ id: z.string(), type: z.string(), data: z.record(z.string(), z.unknown()), createdAt: timestamp }),
  endpoint: z.object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    method: z.enum(SEND_METHODS),
    status: z.enum(["active", "paused", "disabled"]),
  }),
  attemptLog: z.array(deliveryAttemptSchema).describe("every attempt, oldest first"),
});

export const deliveryRetriedSchema = z.object({
  id: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  nextAttemptAt: timestamp.nullable(),
  resumeAt: timestamp
    .nullable()
    .describe("When the automatic schedule's next attempt is due if this manual one fails (it is not moved)"),
});

export const replayProgressSchema = z.object({
  id: z.string().describe("rpl_… id"),
  endpointId: z.string(),
  since: timestamp.describe("failed deliveries created at or after this time are replayed"),
  status: z.enum(["running", "finished"]),
  total: z.number().int().describe("deliveries this replay re-queued"),
  remaining: z.number().int().describe("eligible failed deliveries left out by the limit, for another replay"),
  succeeded: z.number().int(),
  failed: z.number().int(),
  inProgress: z.number().int().describe("pending, sending or retrying"),
  done: z.number().int().describe("succeeded + failed"),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
});

export const replayStartedSchema = z.object({
  replay: replayProgressSchema,
  started: z.boolean().describe("false when a replay of this endpoint was already running: that one is returned"),
});

export const replayListSchema = z.object({ data: z.array(replayProgressSchema) });
