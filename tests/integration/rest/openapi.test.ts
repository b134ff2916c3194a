import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import * as retryRoute from "@/app/api/v1/deliveries/[id]/retry/route";
import * as deliveryRoute from "@/app/api/v1/deliveries/[id]/route";
import * as deliveriesRoute from "@/app/api/v1/deliveries/route";
import * as endpointRoute from "@/app/api/v1/endpoints/[id]/route";
import * as replayRoute from "@/app/api/v1/endpoints/[id]/replay/route";
import * as rotateRoute from "@/app/api/v1/endpoints/[id]/rotate-secret/route";
import * as testRoute from "@/app/api/v1/endpoints/[id]/test/route";
import * as endpointsRoute from "@/app/api/v1/endpoints/route";
import * as eventRoute from "@/app/api/v1/events/[id]/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { DELIVERY_STATUSES, listDeliveriesSchema, startReplaySchema } from "@/server/delivery/schemas";
import { endpointInputSchema, endpointUpdateSchema } from "@/server/endpoints/schemas";
import { catalog, EVENT_TYPES, INGESTIBLE_EVENT_TYPES, sampleEvent, type EventType } from "@/server/events/catalog";
import { validateEvents } from "@/server/events/ingest-events";
import { ingestBodySchema, MAX_BATCH } from "@/server/events/ingest-schemas";
import { eventTypeComponentName } from "@/server/rest/openapi/ingestion-schemas";
import type { JsonSchema, OpenApiDocument } from "@/lib/openapi-types";
import { requestExamples } from "@/server/rest/openapi/request-examples";
import * as r from "@/server/rest/openapi/response-schemas";
import { createActor } from "@/tests/helpers/actors";
import { setupIntegration } from "@/tests/helpers/integration";
import { restClient } from "@/tests/helpers/rest-client";

const V1_DIR = path.resolve(__dirname, "../../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

let doc: OpenApiDocument;

beforeAll(async () => {
  const res = openapiRoute.GET();
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/application\/json/);
  doc = (await res.json()) as OpenApiDocument;
});

/** Follows a local `#/components/...` reference; fails the test when it points nowhere. */
function resolve(ref: string): JsonSchema {
  expect(ref).toMatch(/^#\/components\//);
  const target = ref
    .slice(2)
    .split("/")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
  expect(target, `${ref} resolves`).toBeTypeOf("object");
  return target as JsonSchema;
}

const deref = (schema: JsonSchema): JsonSchema =>
  typeof schema.$ref === "string" ? deref(resolve(schema.$ref)) : schema;

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node))
      if (k === "$ref" && typeof v === "string") out.push(v);
      else collectRefs(v, out);
  }
  return out;
}

/** Every route.ts under app/api/v1 as its URL path (`[id]` → `{id}`). */
function routeFiles(dir = V1_DIR): { urlPath: string; file: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (!/^route\.(ts|tsx|js)$/.test(entry.name)) return [];
    const rel = path
      .relative(V1_DIR, dir)
      .split(path.sep)
      .filter(Boolean)
      .map((seg) => seg.replace(/^\[(\w+)\]$/, "{$1}"));
    return [{ urlPath: ["/api/v1", ...rel].join("/"), file: full }];
  });
}

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document with the bearer API key scheme", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ apiKey: [] }]);
    expect(Object.keys(doc.paths).every((p) => p.startsWith("/api/v1/"))).toBe(true);
    // Only z.toJSONSchema output: no stray `$schema` / `$id` inside components.
    expect(JSON.stringify(doc.components)).not.toMatch(/"\$(schema|id)"/);
  });

  it("answers the same cached document on every call", async () => {
    expect(await openapiRoute.GET().json()).toEqual(doc);
  });

  it("has no reference that points nowhere", () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) resolve(ref);
  });

  it("documents every route file under app/api/v1 with exactly its methods, and nothing else", async () => {
    const routes = routeFiles();
    expect(routes.length).toBeGreaterThanOrEqual(9);
    for (const { urlPath, file } of routes) {
      const mod = (await import(file)) as Record<string, unknown>;
      const exported = METHODS.filter((m) => typeof mod[m] === "function")
        .map((m) => m.toLowerCase())
        .sort();
      expect(Object.keys(doc.paths[urlPath] ?? {}).sort(), `${urlPath} (${path.relative(V1_DIR, file)})`).toEqual(
        exported,
      );
    }
    expect(Object.keys(doc.paths).sort()).toEqual(routes.map((r) => r.urlPath).sort());
  });

  it("documents auth, body and not-found errors with the error body", () => {
    const error = deref({ $ref: "#/components/schemas/Error" });
    expect((error.required as string[]) ?? []).toContain("error");
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${p}`;
        expect(op.operationId, where).toBeTruthy();
        if (op.security?.length === 0) continue;
        expect(op.responses["401"], where).toBeDefined();
        if (op.requestBody)
          for (const status of ["400", "413", "415", "422"])
            expect(op.responses[status], `${where} ${status}`).toBeDefined();
        if (p.includes("{id}")) expect(op.responses["404"], where).toBeDefined();
        for (const [status, res] of Object.entries(op.responses).filter(([s]) => Number(s) >= 400)) {
          const response = "$ref" in res ? resolve(res.$ref) : res;
          expect(collectRefs(response), `${where} ${status}`).toEqual(["#/components/schemas/Error"]);
        }
      }
    }
    expect(doc.paths["/api/v1/deliveries/{id}/retry"]?.post?.responses["409"]).toBeDefined();
    expect(doc.components.responses.RateLimited).toBeDefined();
  });

  it("derives the deliveries query parameters from listDeliveriesSchema", () => {
    const params = doc.paths["/api/v1/deliveries"]!.get!.parameters!;
    expect(params.filter((p) => p.in === "query").map((p) => p.name)).toEqual(Object.keys(listDeliveriesSchema.shape));
    const status = params.find((p) => p.name === "status")!;
    expect(status.required).toBe(false);
    expect(status.schema.enum).toEqual([...DELIVERY_STATUSES]);
    expect(params.find((p) => p.name === "limit")!.schema).toMatchObject({ type: "integer", default: 50 });
  });

  it("generates request bodies from the input schemas", () => {
    const create = deref(doc.paths["/api/v1/endpoints"]!.post!.requestBody!.content["application/json"].schema);
    // Input side: fields with defaults are optional, the rest required.
    expect((create.required as string[]).sort()).toEqual(["method", "product", "reportType", "url"]);
    expect((create.properties as Record<string, JsonSchema>).timeoutMs).toMatchObject({
      type: "integer",
      minimum: 1000,
      maximum: 30000,
      default: 5000,
    });
    const update = deref(doc.paths["/api/v1/endpoints/{id}"]!.patch!.requestBody!.content["application/json"].schema);
    expect(update.required).toBeUndefined();
    expect(Object.keys(update.properties as object).sort()).toEqual(Object.keys(endpointUpdateSchema.shape).sort());
  });

  it("shows example bodies the real schemas accept", () => {
    expect(endpointInputSchema.safeParse(requestExamples.createEndpoint).error).toBeUndefined();
    expect(endpointUpdateSchema.safeParse(requestExamples.updateEndpoint).error).toBeUndefined();
    expect(
      startReplaySchema.safeParse({ endpointId: "ep_0123456789abcdef", ...requestExamples.startReplay }).error,
    ).toBeUndefined();
    const ingest = ingestBodySchema.parse(requestExamples.ingestEvent);
    expect(() => validateEvents("events" in ingest ? ingest.events : [ingest])).not.toThrow();
    expect(doc.paths["/api/v1/events"]!.post!.requestBody!.content["application/json"].example).toEqual(
      requestExamples.ingestEvent,
    );
  });
});

describe("the ingestion body", () => {
  const ingestible = INGESTIBLE_EVENT_TYPES;
  const body = () => deref({ $ref: "#/components/schemas/IngestBody" });
  const eventVariants = () => {
    const event = deref({ $ref: "#/components/schemas/IngestEvent" });
    return (event.oneOf as JsonSchema[]).map(deref);
  };
  const variantFor = (type: string) =>
    eventVariants().filter((v) => (v.properties as Record<string, JsonSchema>).type!.const === type);
  const dataSchema = (type: EventType) => deref({ $ref: `#/components/schemas/${eventTypeComponentName(type)}Data` });
  const zodRequired = (schema: z.ZodType) =>
    Object.entries((schema as z.ZodObject).shape)
      .filter(([, f]) => !(f as z.ZodType).safeParse(undefined).success)
      .map(([k]) => k);

  it("is one event or a batch of 1–MAX_BATCH, events discriminated by type", () => {
    const [single, batch] = (body().anyOf as JsonSchema[]).map(deref);
    expect(single!.oneOf).toHaveLength(ingestible.length);
    const events = (batch!.properties as Record<string, JsonSchema>).events!;
    expect(events).toMatchObject({ type: "array", minItems: 1, maxItems: MAX_BATCH });
    expect(deref(events.items as JsonSchema)).toEqual(single);
    expect(
      (deref({ $ref: "#/components/schemas/IngestEvent" }).discriminator as { propertyName: string }).propertyName,
    ).toBe("type");
    expect(ingestBodySchema.safeParse({ events: [] }).success).toBe(false);
    expect(
      ingestBodySchema.safeParse({ events: Array.from({ length: MAX_BATCH + 1 }, () => sampleEvent("sms.dlr")) })
        .success,
    ).toBe(false);
  });

  it("has each event type's data schema as a component, with the catalog's required fields", () => {
    for (const type of EVENT_TYPES) {
      const data = dataSchema(type);
      expect((data.required as string[]).sort(), type).toEqual(zodRequired(catalog[type].schema).sort());
      expect(Object.keys(data.properties as object), type).toEqual(
        expect.arrayContaining(Object.keys(catalog[type].sample)),
      );
      // Upstream types keep unknown extra fields; Hookline's own (user.signup, endpoint.*) are exactly theirs.
      expect(data.additionalProperties, type).toEqual(catalog[type].emittedByHookline ? false : {});
    }
  });

  it("accepts each catalog sample where zod does: one variant by type, every required field present", () => {
    for (const type of ingestible) {
      const sample = sampleEvent(type);
      expect(() => validateEvents([sample]), type).not.toThrow();
      const [variant, ...more] = variantFor(type);
      expect(more, type).toHaveLength(0);
      const dataRef = ((variant!.properties as Record<string, JsonSchema>).data!.$ref as string) ?? "";
      expect(dataRef).toBe(`#/components/schemas/${eventTypeComponentName(type)}Data`);
      for (const field of dataSchema(type).required as string[])
        expect(sample.data, `${type}.${field}`).toHaveProperty(field);
    }
  });

  it("rejects where zod does: user.signup has no variant, a missing required field is required", () => {
    expect(() => validateEvents([sampleEvent("user.signup")])).toThrow(/cannot be ingested/);
    expect(variantFor("user.signup")).toHaveLength(0);
    expect(variantFor("sms.nope")).toHaveLength(0);

    const { mobile: _mobile, ...withoutMobile } = sampleEvent("sms.dlr").data;
    expect(() => validateEvents([{ type: "sms.dlr", data: withoutMobile }])).toThrow(/mobile/);
    expect(dataSchema("sms.dlr").required).toContain("mobile");

    const bad = { ...sampleEvent("sms.dlr").data, status: "sideways" };
    expect(() => validateEvents([{ type: "sms.dlr", data: bad }])).toThrow();
    expect((dataSchema("sms.dlr").properties as Record<string, JsonSchema>).status!.enum).not.toContain("sideways");
  });
});

describe("responses match the documented response schemas", () => {
  const h = setupIntegration({
    receiver: true,
    // Not started until the test says so: deliveries stay pending, so a retry is allowed.
    runner: { idlePollMs: 50, attempt: { schedule: [0], allowPrivateNetworks: true }, start: false },
  });
  const { call } = restClient(() => h.services);
  let key: string;

  beforeAll(async () => {
    const actor = await createActor(h.services);
    key = (await createApiKey({ db: h.db, actor: actor.actor }, { name: "openapi" })).key;
  });

  /** Parsing strips undocumented fields, so equality also means "no field is missing from the docs". */
  function conforms(schema: z.ZodType, res: { status: number; data: unknown; text: string }, status: number) {
    expect(res.status, res.text).toBe(status);
    const parsed = schema.safeParse(res.data);
    expect(parsed.error, res.text).toBeUndefined();
    expect(parsed.data).toEqual(res.data);
    return res.data as Record<string, unknown>;
  }

  it("for endpoints, events and deliveries, and the error body", async () => {
    const none = {} as Record<string, never>;
    const body = {
      ...requestExamples.createEndpoint,
      url: `${h.receiver.url}/hook`,
      customHeaders: [{ name: "X-Token", value: "t" }],
    };
    const created = conforms(
      r.endpointCreatedSchema,
      await call(endpointsRoute.POST, "POST", none, { key, json: body }),
      201,
    );
    const params = { id: created.id as string };
    conforms(r.endpointListSchema, await call(endpointsRoute.GET, "GET", none, { key }), 200);
    conforms(r.endpointDetailSchema, await call(endpointRoute.GET, "GET", params, { key }), 200);
    conforms(
      r.endpointViewSchema,
      await call(endpointRoute.PATCH, "PATCH", params, { key, json: requestExamples.updateEndpoint }),
      200,
    );
    conforms(r.webhookTestResultSchema, await call(testRoute.POST, "POST", params, { key }), 200);
    conforms(r.rotatedSecretSchema, await call(rotateRoute.POST, "POST", params, { key }), 200);
    conforms(
      r.replayStartedSchema,
      await call(replayRoute.POST, "POST", params, { key, json: requestExamples.startReplay }),
      202,
    );
    conforms(r.replayListSchema, await call(replayRoute.GET, "GET", params, { key }), 200);

    conforms(
      r.eventAcceptedSchema,
      await call(eventsRoute.POST, "POST", none, { key, json: requestExamples.ingestEvent }),
      202,
    );
    conforms(
      r.eventsAcceptedSchema,
      await call(eventsRoute.POST, "POST", none, { key, json: { events: [sampleEvent("sms.dlr")] } }),
      202,
    );

    const events = conforms(
      r.eventListSchema,
      await call(eventsRoute.GET, "GET", none, { key, path: "/api/v1/events?limit=1" }),
      200,
    );
    expect(events.nextCursor).not.toBeNull();
    conforms(
      r.eventDetailSchema,
      await call(eventRoute.GET, "GET", { id: (events.data as { id: string }[])[0]!.id }, { key }),
      200,
    );

    const list = conforms(
      r.deliveryListSchema,
      await call(deliveriesRoute.GET, "GET", none, { key, path: "/api/v1/deliveries" }),
      200,
    );
    // The oldest: the later one of the same message waits for it (ordered delivery), so is not retried.
    const deliveryId = (list.data as { id: string }[]).at(-1)!.id;
    conforms(r.deliveryRetriedSchema, await call(retryRoute.POST, "POST", { id: deliveryId }, { key }), 202);
    h.runner.start();
    let detail: Record<string, unknown> = {};
    for (let i = 0; i < 200 && !(detail.attemptLog as unknown[] | undefined)?.length; i++) {
      await new Promise((done) => setTimeout(done, 25));
      detail = (await call(deliveryRoute.GET, "GET", { id: deliveryId }, { key })).data;
    }
    expect(detail.attemptLog).toHaveLength(1);
    conforms(r.deliveryDetailSchema, await call(deliveryRoute.GET, "GET", { id: deliveryId }, { key }), 200);

    conforms(r.errorResponseSchema, await call(endpointRoute.GET, "GET", { id: "ep_missing" }, { key }), 404);
    conforms(r.errorResponseSchema, await call(endpointsRoute.POST, "POST", none, { key, json: { url: "" } }), 422);
    conforms(r.errorResponseSchema, await call(endpointsRoute.GET, "GET", none, {}), 401);
  });
});
