import { eq } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import * as eventsRoute from "@/app/api/v1/events/route";
import { deliveries, events } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { EVENT_TYPES, parseEventData, sampleEvent, type EventType } from "@/server/events/catalog";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import { recorder } from "@/tests/helpers/recording-runner";
import { restClient } from "@/tests/helpers/rest-client";

/**
 * Ingestion fuzz: a few hundred malformed requests, generated from a fixed seed, each of which
 * must be refused with a 4xx and a JSON error — never a 500, never a stored event.
 */

const h = setupIntegration();
/** What the route handed to a runner: must stay empty. */
const handedToRunner = recorder();
const { call } = restClient(() => ({ db: h.db, runner: handedToRunner }));
let key: string;
let accountId: string;

beforeAll(async () => {
  const actor = await createActor(h.services);
  accountId = actor.accountId;
  key = (await createApiKey({ db: h.db, actor: actor.actor }, { name: "fuzz" })).key;
  // Subscribed to everything, so a wrongly accepted event would also show up as deliveries.
  await insertEndpoint(h.db, accountId, "http://127.0.0.1:9/all", { eventTypes: [...EVENT_TYPES] });
});

/** mulberry32: small, seeded, good enough to pick cases reproducibly. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20251231);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const int = (max: number) => Math.floor(rand() * max);

const deep = (n: number, leaf: unknown): unknown => (n === 0 ? leaf : [deep(n - 1, leaf)]);
const WEIRD_VALUES: unknown[] = [
  null,
  0,
  -1,
  1e308,
  true,
  false,
  [],
  {},
  [1, 2],
  { a: 1 },
  "",
  " ",
  "\u0000",
  "x".repeat(5000),
  "💥🙂",
  "<xml/>",
  "'; drop table events; --",
  deep(200, "z"),
];

type Case = {
  name: string;
  body: string | Uint8Array<ArrayBuffer>;
  contentType?: string | null;
  headers?: Record<string, string>;
};
const json = (name: string, value: unknown, extra: Partial<Case> = {}): Case => ({
  name,
  body: JSON.stringify(value),
  ...extra,
});

/** A catalog event whose data is broken in a way the catalog must refuse (checked below). */
function brokenEvent(): { type: string; data: unknown } {
  const type = pick(EVENT_TYPES);
  const data: Record<string, unknown> = sampleEvent(type).data;
  const field = pick(Object.keys(data));
  if (rand() < 0.3) delete data[field];
  else data[field] = pick(WEIRD_VALUES);
  return { type, data };
}

function isRefusedByCatalog(e: { type: string; data: unknown }) {
  return !(EVENT_TYPES as readonly string[]).includes(e.type) || !parseEventData(e.type as EventType, e.data).success;
}

function malformedCases(): Case[] {
  const cases: Case[] = [];
  const valid = () => sampleEvent(pick(EVENT_TYPES));
  const validText = JSON.stringify(valid());

  // Not JSON at all, or broken JSON.
  for (let i = 0; i < 40; i++)
    cases.push({ name: `truncated #${i}`, body: validText.slice(0, 1 + int(validText.length - 2)) });
  for (let i = 0; i < 20; i++)
    cases.push({ name: `random bytes #${i}`, body: Uint8Array.from({ length: 1 + int(64) }, () => int(256)) });
  for (const text of [
    "{'type':'sms.dlr'}",
    "{type: 1}",
    `${validText} trailing`,
    `${validText}}`,
    "NaN",
    "[1,]",
    "// c\n{}",
    '{"a":01}',
    '"\\x41"',
  ]) {
    cases.push({ name: `bad text ${text.slice(0, 20)}`, body: text });
  }
  cases.push({ name: "deeply nested arrays", body: "[".repeat(50_000) + "]".repeat(50_000) });

  // JSON, wrong shape.
  for (const value of [
    null,
    0,
    "sms.dlr",
    true,
    [],
    [valid()],
    { events: {} },
    { events: "x" },
    { events: null },
    { events: [] },
    { events: [null] },
    {},
  ]) {
    cases.push(json(`shape ${JSON.stringify(value).slice(0, 30)}`, value));
  }
  for (let i = 0; i < 30; i++)
    cases.push(
      json(`type ${i}`, {
        type: pick([...WEIRD_VALUES, "sms", "SMS.DLR", "sms.dlr ", "user.*", "x".repeat(65)]),
        data: valid().data,
      }),
    );
  for (let i = 0; i < 20; i++)
    cases.push(json(`data ${i}`, { type: pick(EVENT_TYPES), data: pick([null, 1, "x", true, [], [valid().data]]) }));
  for (let i = 0; i < 15; i++)
    cases.push(
      json(`idempotencyKey ${i}`, { ...valid(), idempotencyKey: pick([null, 1, {}, [], "", "   ", "k".repeat(256)]) }),
    );

  // Catalog violations, single and hidden in a batch of otherwise valid events.
  let broken = 0;
  while (broken < 100) {
    const e = brokenEvent();
    if (!isRefusedByCatalog(e)) continue;
    broken++;
    if (broken % 2) cases.push(json(`broken ${e.type}`, e));
    else cases.push(json(`batch with broken ${e.type}`, { events: [valid(), valid(), e, valid()].slice(int(2)) }));
  }
  cases.push(json("prototype keys", JSON.parse(`{"__proto__":${validText}}`)));
  cases.push({
    name: "__proto__ data",
    body: `{"type":"sms.dlr","data":{"__proto__":${JSON.stringify(sampleEvent("sms.dlr").data)}}}`,
  });
  cases.push({
    name: "constructor data",
    body: `{"type":"sms.mo","data":{"constructor":{"prototype":{"polluted":true}}}}`,
  });
  cases.push(json("1001 events", { events: Array.from({ length: 1001 }, valid) }));

  // Right body, wrong envelope.
  for (const contentType of [
    null,
    "text/plain",
    "application/xml",
    "multipart/form-data",
    "application/x-www-form-urlencoded",
    "json",
    "application/jsonx",
  ]) {
    cases.push({ name: `content-type ${contentType}`, body: validText, contentType });
  }
  for (const idem of ["", "   ", "k".repeat(256)])
    cases.push({ name: `Idempotency-Key ${idem.length}`, body: validText, headers: { "Idempotency-Key": idem } });
  cases.push({
    name: "key in body contradicts header",
    body: JSON.stringify({ ...valid(), idempotencyKey: "a" }),
    headers: { "Idempotency-Key": "b" },
  });
  cases.push(json("event over 256 KB", { ...valid(), data: { ...valid().data, blob: "b".repeat(257 * 1024) } }));
  cases.push({
    name: "request over 5 MB",
    body: `{"events":[${Array.from({ length: 6 }, () => JSON.stringify({ ...valid(), data: { ...valid().data, blob: "c".repeat(1024 * 1024) } })).join(",")}]}`,
  });
  return cases;
}

const CODES = new Set([
  "validation_failed",
  "invalid_json",
  "unsupported_media_type",
  "payload_too_large",
  "unauthorized",
]);

test(
  "a few hundred malformed ingestion requests: every one a 4xx with a JSON error, nothing stored",
  { timeout: 180_000 },
  async () => {
    const cases = malformedCases();
    expect(cases.length).toBeGreaterThan(250);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const c of cases) {
      const res = await call(
        eventsRoute.POST,
        "POST",
        {},
        {
          key,
          headers: c.headers,
          raw: c.body,
          contentType: c.contentType === null ? null : (c.contentType ?? "application/json"),
          path: "/api/v1/events",
        },
      );
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const { text } = res;
      // Not JSON: `data` is undefined, reported below.
      const body = res.data as { error?: { code?: string; message?: string } } | null | undefined;
      const ok = res.status >= 400 && res.status < 500 && CODES.has(body?.error?.code ?? "") && !!body?.error?.message;
      if (!ok) failures.push(`${c.name}: ${res.status} ${text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    // Every kind of refusal was exercised.
    expect([...statuses.keys()].sort()).toEqual([400, 413, 415, 422]);
    expect(await h.db.select().from(events).where(eq(events.accountId, accountId))).toEqual([]);
    expect(await h.db.select().from(deliveries).where(eq(deliveries.accountId, accountId))).toEqual([]);
    expect(handedToRunner.items).toEqual([]);
  },
);
