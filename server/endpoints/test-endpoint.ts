import { STATUS_CODES } from "node:http";
import type { Db } from "@/db";
import { deliveryAttempts } from "@/db/schema";
import type { Actor } from "@/server/api/trpc";
import { toLoadedEndpoint } from "@/server/delivery/engine/load-endpoint-config";
import { redactRequest } from "@/server/delivery/engine/redact-request";
import { renderRequest } from "@/server/delivery/render/render-request";
import { toCurl } from "@/server/delivery/render/to-curl";
import { describeOutcome } from "@/server/delivery/send/describe-outcome";
import { sendRequest } from "@/server/delivery/send/send-request";
import { generateSecret } from "@/server/delivery/sign/generate-secret";
import { signRequest } from "@/server/delivery/sign/sign-request";
import type { EndpointConfig } from "@/server/delivery/types";
import { getEnv } from "@/server/env";
import { sampleEvent, type EventType } from "@/server/events/catalog";
import { newId } from "@/server/lib/ids";
import { findOwnEndpoint } from "./find-own-endpoint";
import { normalizeEndpoint } from "./normalize-endpoint";
import { primaryEventType } from "./param-map";
import type { EndpointDraft } from "./schemas";
import { storedHeaderValue } from "./stored-header-value";
import { decryptHeaders } from "./to-endpoint-view";

export type WebhookTestResult = Awaited<ReturnType<typeof testEndpoint>>;

/**
 * Test Webhook: sends a realistic sample event of the endpoint's type through the real sender
 * (signed, SSRF-guarded, the endpoint's timeout) and reports what the server answered. A saved
 * endpoint keeps the attempt in its log (trigger "test"); a draft (the form before saving) is
 * signed with a throwaway secret.
 */
export async function testEndpoint(
  { db, actor }: { db: Db; actor: Actor },
  input: { id: string } | { draft: EndpointDraft },
) {
  let config: EndpointConfig;
  let secrets: string[];
  let eventType: EventType;
  let endpointId: string | null = null;
  if ("id" in input) {
    const loaded = toLoadedEndpoint(await findOwnEndpoint(db, actor, input.id));
    ({ config, secrets } = loaded);
    eventType = primaryEventType(loaded.row.product, loaded.row.reportType, loaded.row.eventTypes);
    endpointId = loaded.row.id;
  } else {
    const c = normalizeEndpoint(input.draft);
    // Editing a saved endpoint: masked header values stand for the stored ones.
    const stored = input.draft.id
      ? decryptHeaders((await findOwnEndpoint(db, actor, input.draft.id)).customHeadersEnc)
      : [];
    const customHeaders = c.customHeaders.map((h) => ({ name: h.name, value: storedHeaderValue(h, stored) ?? "" }));
    config = {
      id: "draft",
      url: c.url,
      method: c.method,
      payloadFormat: c.payloadFormat,
      paramMap: c.paramMap,
      customParams: c.customParams,
      customHeaders,
      timeoutMs: c.timeoutMs,
    };
    secrets = [generateSecret()];
    eventType = primaryEventType(c.product, c.reportType, c.eventTypes);
  }

  const sample = sampleEvent(eventType);
  const msgId = `msg_test_${newId("dlv").slice(4)}`;
  const request = signRequest(
    renderRequest(config, { id: newId("evt"), type: sample.type, data: sample.data, createdAt: new Date() }),
    {
      msgId,
      timestamp: new Date(),
      secrets,
    },
  );
  const outcome = await sendRequest(request, {
    timeoutMs: config.timeoutMs,
    allowPrivateNetworks: getEnv().WEBHOOK_ALLOW_PRIVATE_NETWORKS,
  });
  const shown = redactRequest(request, config.customHeaders);

  if (endpointId) {
    await db.insert(deliveryAttempts).values({
      id: newId("att"),
      accountId: actor.accountId,
      endpointId,
      deliveryId: null,
      attemptNumber: 1,
      trigger: "test",
      request: shown,
      responseStatus: outcome.status,
      responseHeaders: outcome.headers,
      responseBody: outcome.body,
      durationMs: outcome.durationMs,
      errorClass: outcome.errorClass,
      errorMessage: outcome.errorMessage,
    });
  }

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
    hint: outcome.ok ? null : describeOutcome(outcome),
    eventType,
    request: shown,
    curl: toCurl(shown),
  };
}
