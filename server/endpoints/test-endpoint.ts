import { STATUS_CODES } from "node:http";
import type { DomainContext } from "@/server/auth/actor";
import { recordTestAttempt } from "@/server/delivery/engine/record-test-attempt";
import { toEndpointConfig } from "@/server/delivery/endpoint-config";
import { toCurl } from "@/server/delivery/render/to-curl";
import { sendOnce } from "@/server/delivery/send-once";
import { outcomeAdvice } from "@/server/delivery/send/describe-outcome";
import { generateSecret } from "@/server/delivery/sign/generate-secret";
import type { EndpointConfig } from "@/server/delivery/types";
import { getEnv } from "@/server/env";
import { sampleEvent, type EventType } from "@/server/events/catalog";
import { newId } from "@/server/lib/ids";
import { decryptCustomHeaders, toSendableEndpoint } from "./decrypt-endpoint";
import { findOwnEndpoint } from "./find-own-endpoint";
import { normalizeEndpoint } from "./normalize-endpoint";
import { primaryEventType } from "./param-map";
import type { EndpointDraft } from "./schemas";
import { resolveHeaderValues } from "./resolve-header-values";

type Target = {
  config: EndpointConfig;
  secrets: string[];
  eventType: EventType;
  savedId: string | null;
  wabaNumber: string | null;
};

/**
 * Test Webhook: sends a realistic sample event of the endpoint's type through the real sender
 * (signed, SSRF-guarded, the endpoint's timeout) and reports what the server answered. A saved
 * endpoint keeps the attempt in its log (trigger "test"); a draft (the form before saving) is
 * signed with a throwaway secret.
 */
export async function testEndpoint(ctx: DomainContext, input: { id: string } | { draft: EndpointDraft }) {
  const { config, secrets, eventType, savedId, wabaNumber } = await resolveTarget(ctx, input);
  // The endpoint's own WABA number, not the catalog sample's.
  const sample = sampleEvent(eventType, { wabaNumber });
  const { request, outcome } = await sendOnce({
    config,
    secrets,
    event: { id: newId("evt"), type: sample.type, data: sample.data, createdAt: new Date() },
    msgId: `msg_test_${newId("dlv").slice(4)}`,
    allowPrivateNetworks: getEnv().WEBHOOK_ALLOW_PRIVATE_NETWORKS,
  });
  if (savedId)
    await recordTestAttempt(ctx.db, { accountId: ctx.actor.accountId, endpointId: savedId, request, outcome });

  return {
    ok: outcome.ok,
    status: outcome.status,
    statusText: outcome.status ? (STATUS_CODES[outcome.status] ?? "") : null,
    durationMs: outcome.durationMs,
    responseHeaders: outcome.headers,
    responseBody: outcome.body,
    bodyTruncated: outcome.bodyTruncated,
    errorClass: outcome.errorClass,
    errorMessage: outcome.errorMessage,
    // The panel titles the failure with errorMessage; the hint is only the advice, not a repeat of it.
    hint: outcome.ok ? null : outcomeAdvice(outcome),
    eventType,
    request,
    curl: toCurl(request),
  };
}

async function resolveTarget(
  { db, actor }: DomainContext,
  input: { id: string } | { draft: EndpointDraft },
): Promise<Target> {
  if ("id" in input) {
    const { row, config, secrets } = toSendableEndpoint(await findOwnEndpoint(db, actor, input.id));
    return {
      config,
      secrets,
      eventType: primaryEventType(row.product, row.reportType, row.eventTypes),
      savedId: row.id,
      wabaNumber: row.wabaNumber,
    };
  }
  const c = normalizeEndpoint(input.draft);
  // Editing a saved endpoint: masked header values stand for the stored ones (same origin only).
  const saved = input.draft.id ? await findOwnEndpoint(db, actor, input.draft.id) : null;
  const stored = saved
    ? { headers: decryptCustomHeaders(saved.customHeadersEnc), url: saved.url }
    : { headers: [], url: "" };
  const customHeaders = resolveHeaderValues(c.customHeaders, stored, c.url);
  return {
    config: toEndpointConfig({ ...c, customHeaders }),
    secrets: [generateSecret()],
    eventType: primaryEventType(c.product, c.reportType, c.eventTypes),
    savedId: null,
    wabaNumber: c.wabaNumber ?? null,
  };
}
