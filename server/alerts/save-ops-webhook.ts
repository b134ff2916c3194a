import type { DomainContext } from "@/server/auth/actor";
import { ALERT_EVENT_TYPES } from "@/server/events/catalog";
import { createEndpoint } from "@/server/endpoints/create-endpoint";
import { endpointInputSchema } from "@/server/endpoints/schemas";
import { updateEndpoint } from "@/server/endpoints/update-endpoint";
import { getOpsWebhook } from "./get-ops-webhook";
import type { OpsWebhookInput } from "./schemas";

/**
 * Saves the operational webhook: an ordinary endpoint (product `platform`, report type `alerts`,
 * the three endpoint.* events, JSON envelope), so alerts are signed, retried and logged like
 * every delivery. Returns the signing secret when it is created.
 */
export async function saveOpsWebhook(ctx: DomainContext, input: OpsWebhookInput) {
  const existing = await getOpsWebhook(ctx);
  if (existing) {
    await updateEndpoint(ctx, { id: existing.id, data: { url: input.url } });
    return { webhook: (await getOpsWebhook(ctx))!, signingSecret: null };
  }
  const created = await createEndpoint(
    ctx,
    endpointInputSchema.parse({
      url: input.url,
      description: "Operational alerts",
      product: "platform",
      reportType: "alerts",
      eventTypes: [...ALERT_EVENT_TYPES],
      method: "JSON",
      payloadFormat: "envelope",
    }),
  );
  return { webhook: (await getOpsWebhook(ctx))!, signingSecret: created.signingSecret };
}
