import type { z } from "zod";
import { listDeliveriesSchema, REPLAY_LIMIT } from "@/server/delivery/schemas";
import { MAX_BATCH, MAX_EVENT_BYTES, MAX_REQUEST_BYTES } from "@/server/events/ingest-schemas";
import { listEventsSchema } from "@/server/events/list-events-schema";
import type { ErrorStatus } from "./error-responses";
import type { HttpMethod } from "@/lib/openapi-types";
import { requestExamples } from "./request-examples";

/** One REST v1 operation, before it becomes OpenAPI: schemas are component names. */
export type OperationSpec = {
  method: HttpMethod;
  path: string;
  operationId: string;
  tag: "Endpoints" | "Events" | "Deliveries" | "Meta";
  summary: string;
  description?: string;
  /** Component name of the request body (input side of a zod schema). */
  body?: string;
  /** The body may be left out entirely. */
  bodyOptional?: boolean;
  bodyExample?: unknown;
  /** A zod object whose shape becomes the query parameters. */
  query?: z.ZodObject;
  queryDescriptions?: Record<string, string>;
  success: { status: number; description: string; schema?: string; location?: boolean };
  /** A second success answer (e.g. 200 besides 202). */
  extra?: { status: number; description: string; schema?: string };
  errors: ErrorStatus[];
  public?: boolean;
};

const BODY_ERRORS: ErrorStatus[] = [400, 401, 413, 415, 422];

/** Every route under app/api/v1. tests/integration/rest/openapi.test.ts fails when a route is missing here. */
export const OPERATIONS: OperationSpec[] = [
  {
    method: "get",
    path: "/api/v1/endpoints",
    operationId: "listEndpoints",
    tag: "Endpoints",
    summary: "List endpoints",
    description: "The account's webhook endpoints, newest first.",
    success: { status: 200, description: "The endpoints", schema: "EndpointList" },
    errors: [401],
  },
  {
    method: "post",
    path: "/api/v1/endpoints",
    operationId: "createEndpoint",
    tag: "Endpoints",
    summary: "Create an endpoint",
    description:
      "Creates a webhook endpoint. Event types and parameter names default from the product and report type. The response carries `signingSecret`, shown only this once.",
    body: "EndpointInput",
    bodyExample: requestExamples.createEndpoint,
    success: {
      status: 201,
      description: "Created; `Location` is the endpoint's URL",
      schema: "EndpointCreated",
      location: true,
    },
    errors: [...BODY_ERRORS, 429],
  },
  {
    method: "get",
    path: "/api/v1/endpoints/{id}",
    operationId: "getEndpoint",
    tag: "Endpoints",
    summary: "Get an endpoint",
    description:
      "The endpoint and, in `throttle`, how fast Hookline sends to it now: with adaptive throttling, the rate it was slowed to after 429/503 answers or slow responses, why and since when.",
    success: { status: 200, description: "The endpoint", schema: "EndpointDetail" },
    errors: [401, 404],
  },
  {
    method: "patch",
    path: "/api/v1/endpoints/{id}",
    operationId: "updateEndpoint",
    tag: "Endpoints",
    summary: "Update an endpoint",
    description:
      "Any subset of the fields; the merged endpoint is validated as a whole. A masked header value (`••••••••`) sent back keeps the stored value.",
    body: "EndpointUpdate",
    bodyExample: requestExamples.updateEndpoint,
    success: { status: 200, description: "The updated endpoint", schema: "Endpoint" },
    errors: [...BODY_ERRORS, 404],
  },
  {
    method: "delete",
    path: "/api/v1/endpoints/{id}",
    operationId: "deleteEndpoint",
    tag: "Endpoints",
    summary: "Delete an endpoint",
    success: { status: 204, description: "Deleted" },
    errors: [401, 404],
  },
  {
    method: "post",
    path: "/api/v1/endpoints/{id}/test",
    operationId: "testEndpoint",
    tag: "Endpoints",
    summary: "Test Webhook",
    description:
      "Sends a realistic sample event to the endpoint now (signed, with its timeout) and reports what it answered. The attempt is kept in the endpoint's log.",
    success: {
      status: 200,
      description: "What the endpoint answered (a failure of your server is still a 200 here, with `ok: false`)",
      schema: "WebhookTestResult",
    },
    errors: [401, 404, 429],
  },
  {
    method: "post",
    path: "/api/v1/endpoints/{id}/rotate-secret",
    operationId: "rotateEndpointSecret",
    tag: "Endpoints",
    summary: "Rotate the signing secret",
    description:
      "A new signing secret; the old one keeps signing alongside it for 24 hours so receivers can switch over.",
    success: { status: 200, description: "The new secret", schema: "RotatedSecret" },
    errors: [401, 404],
  },
  {
    method: "post",
    path: "/api/v1/endpoints/{id}/replay",
    operationId: "startReplay",
    tag: "Endpoints",
    summary: "Replay failed deliveries",
    description: `Re-sends the endpoint's failed deliveries created since \`since\` (default: 24 hours ago), oldest first, in the background, at most ${REPLAY_LIMIT} per replay; with \`includeMissed\`, also delivers the events it never got since then (they arrived while it was disabled); with \`includeSuperseded\`, also re-sends the deliveries superseded by a later status of their message (latest status only); \`replay.remaining\` counts those left for another replay. The body is optional. While a replay of the endpoint runs, that one is returned (200, \`started: false\`). The endpoint must be active (409 otherwise).`,
    body: "ReplayInput",
    bodyOptional: true,
    bodyExample: requestExamples.startReplay,
    success: { status: 202, description: "Started", schema: "ReplayStarted" },
    extra: {
      status: 200,
      description: "A replay of this endpoint is already running; it is returned",
      schema: "ReplayStarted",
    },
    errors: [...BODY_ERRORS, 404, 409],
  },
  {
    method: "get",
    path: "/api/v1/endpoints/{id}/replay",
    operationId: "listReplays",
    tag: "Endpoints",
    summary: "List replays",
    description: "The endpoint's recent replays with their progress, newest first.",
    success: { status: 200, description: "The replays", schema: "ReplayList" },
    errors: [401, 404],
  },
  {
    method: "post",
    path: "/api/v1/events",
    operationId: "ingestEvents",
    tag: "Events",
    summary: "Send events",
    description: `One event \`{ type, data, idempotencyKey? }\` or a batch \`{ events: [...] }\` (1–${MAX_BATCH}). Each event's \`data\` is checked against its type's schema. At most ${MAX_EVENT_BYTES / 1024} KB per event and ${MAX_REQUEST_BYTES / 1024 / 1024} MB per request. An \`Idempotency-Key\` header (or \`idempotencyKey\` field) repeated within 24 h returns the first event's id and creates nothing; for a batch the header is the base of \`<key>:<index>\`. Answers once events and deliveries are stored; webhooks are sent in the background.`,
    body: "IngestBody",
    bodyExample: requestExamples.ingestEvent,
    success: {
      status: 202,
      description: "Accepted: `{ id }` for one event, `{ ids }` for a batch",
      schema: "IngestAccepted",
    },
    errors: BODY_ERRORS,
  },
  {
    method: "get",
    path: "/api/v1/events",
    operationId: "listEvents",
    tag: "Events",
    summary: "List events",
    description:
      "The account's events, newest first, each with its delivery counts and overall status. Pass `nextCursor` as `cursor` for the next page. Unknown or repeated query parameters are refused (422).",
    query: listEventsSchema,
    queryDescriptions: {
      search:
        "Find an event by its id, a delivery id (the `webhook-id` your server received), `transaction_id`, `message_id` or mobile number (with or without +). Exact match",
      type: "Only events of this type",
      status: "succeeded (every delivery), failed (any), pending (any on its way) or no_endpoints",
      from: "Created at or after this time (ISO 8601)",
      to: "Created before this time (ISO 8601)",
      cursor: "The `nextCursor` of the previous page",
      limit: "Page size",
    },
    success: { status: 200, description: "A page of events", schema: "EventList" },
    errors: [401, 422],
  },
  {
    method: "get",
    path: "/api/v1/events/{id}",
    operationId: "getEvent",
    tag: "Events",
    summary: "Get an event",
    description: "One event with its payload and its delivery to each endpoint.",
    success: { status: 200, description: "The event", schema: "EventDetail" },
    errors: [401, 404],
  },
  {
    method: "get",
    path: "/api/v1/deliveries",
    operationId: "listDeliveries",
    tag: "Deliveries",
    summary: "List deliveries",
    description:
      "The account's deliveries, newest first. Pass `nextCursor` as `cursor` for the next page. Unknown or repeated query parameters are refused (422).",
    query: listDeliveriesSchema,
    queryDescriptions: {
      endpointId: "Only deliveries to this endpoint (ep_…)",
      search:
        "Deliveries of the events found by id, delivery id (`webhook-id`), `transaction_id`, `message_id` or mobile number. Exact match",
      eventId: "Only deliveries of this event (evt_…)",
      eventType: "Only deliveries of events of this type",
      status: "Only deliveries in this state",
      since: "Created at or after this time (ISO 8601, e.g. `2026-11-29T10:00:00Z`)",
      until: "Created before this time (ISO 8601)",
      cursor: "The `nextCursor` of the previous page",
      limit: "Page size",
    },
    success: { status: 200, description: "A page of deliveries", schema: "DeliveryList" },
    errors: [401, 422],
  },
  {
    method: "get",
    path: "/api/v1/deliveries/{id}",
    operationId: "getDelivery",
    tag: "Deliveries",
    summary: "Get a delivery",
    description: "One delivery with its event, endpoint and every attempt (`attemptLog`, oldest first).",
    success: { status: 200, description: "The delivery", schema: "DeliveryDetail" },
    errors: [401, 404],
  },
  {
    method: "post",
    path: "/api/v1/deliveries/{id}/retry",
    operationId: "retryDelivery",
    tag: "Deliveries",
    summary: "Retry a delivery",
    description:
      "Sends a pending, retrying or failed delivery again now (recorded as a manual attempt). Succeeded or in-flight deliveries, and deliveries of a paused or disabled endpoint, are refused with 409.",
    success: { status: 202, description: "Queued for sending", schema: "DeliveryRetried" },
    errors: [401, 404, 409],
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "Meta",
    summary: "This OpenAPI document",
    description: "The OpenAPI 3.1 description of REST v1. No API key needed.",
    success: { status: 200, description: "The document" },
    errors: [],
    public: true,
  },
];
