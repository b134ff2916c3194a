import { z } from "zod";
import { replayBodySchema } from "@/server/delivery/schemas";
import { endpointInputSchema, endpointUpdateSchema } from "@/server/endpoints/schemas";
import { catalog, EVENT_TYPES } from "@/server/events/catalog";
import { errorResponseComponents } from "./error-responses";
import {
  eventTypeComponentName,
  INGESTIBLE_EVENT_TYPES,
  typedEventSchema,
  typedEventSchemas,
  typedIngestBodySchema,
} from "./ingestion-schemas";
import type { OpenApiDocument } from "@/lib/openapi-types";
import * as r from "./response-schemas";
import { componentRef, toJsonSchemaComponents } from "./to-json-schema";

type Registry = z.core.$ZodRegistry<{ id: string }>;

/** What clients send: converted with io "input" (defaults optional, transforms' input side). */
function requestRegistry(): Registry {
  const reg = z.registry<{ id: string }>();
  reg.add(endpointInputSchema, { id: "EndpointInput" });
  reg.add(endpointUpdateSchema, { id: "EndpointUpdate" });
  for (const type of EVENT_TYPES) reg.add(catalog[type].schema, { id: `${eventTypeComponentName(type)}Data` });
  for (const type of INGESTIBLE_EVENT_TYPES)
    reg.add(typedEventSchemas[type], { id: `${eventTypeComponentName(type)}Event` });
  reg.add(typedEventSchema, { id: "IngestEvent" });
  reg.add(typedIngestBodySchema, { id: "IngestBody" });
  reg.add(replayBodySchema, { id: "ReplayInput" });
  return reg;
}

/** What the API answers: converted with io "output". */
function responseRegistry(): Registry {
  const reg = z.registry<{ id: string }>();
  const add = (schema: z.ZodType, id: string) => reg.add(schema, { id });
  add(r.errorResponseSchema, "Error");
  add(r.endpointViewSchema, "Endpoint");
  add(r.endpointDetailSchema, "EndpointDetail");
  add(r.endpointCreatedSchema, "EndpointCreated");
  add(r.endpointListSchema, "EndpointList");
  add(r.webhookTestResultSchema, "WebhookTestResult");
  add(r.rotatedSecretSchema, "RotatedSecret");
  add(r.eventAcceptedSchema, "EventAccepted");
  add(r.eventsAcceptedSchema, "EventsAccepted");
  add(z.union([r.eventAcceptedSchema, r.eventsAcceptedSchema]), "IngestAccepted");
  add(r.eventSummarySchema, "EventSummary");
  add(r.eventListSchema, "EventList");
  add(r.eventDetailSchema, "EventDetail");
  add(r.deliverySummarySchema, "DeliverySummary");
  add(r.deliveryListSchema, "DeliveryList");
  add(r.deliveryDetailSchema, "DeliveryDetail");
  add(r.deliveryRetriedSchema, "DeliveryRetried");
  add(r.replayProgressSchema, "Replay");
  add(r.replayStartedSchema, "ReplayStarted");
  add(r.replayListSchema, "ReplayList");
  return reg;
}

/** `components` of the document: schemas generated from zod, error responses, the API key scheme. */
export function buildOpenApiComponents(): OpenApiDocument["components"] {
  const requests = toJsonSchemaComponents(requestRegistry(), "input");
  const responses = toJsonSchemaComponents(responseRegistry(), "output");
  const clash = Object.keys(requests).find((id) => id in responses);
  if (clash) throw new Error(`OpenAPI component ${clash} is both a request and a response schema`);

  // OpenAPI's discriminator: which event schema applies is told by `type`.
  requests.IngestEvent = {
    ...requests.IngestEvent,
    discriminator: {
      propertyName: "type",
      mapping: Object.fromEntries(
        INGESTIBLE_EVENT_TYPES.map((t) => [t, componentRef(`${eventTypeComponentName(t)}Event`)]),
      ),
    },
  };
  for (const type of EVENT_TYPES) {
    const id = `${eventTypeComponentName(type)}Data`;
    requests[id] = {
      title: catalog[type].label,
      description: catalog[type].description,
      ...requests[id],
      examples: [catalog[type].sample],
    };
  }

  return {
    schemas: { ...requests, ...responses },
    responses: errorResponseComponents(),
    securitySchemes: {
      apiKey: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "hk_live_…",
        description: "An API key from Settings → API keys, sent as `Authorization: Bearer hk_live_…`.",
      },
    },
  };
}
