import type { DomainContext } from "@/server/auth/actor";
import { createEndpoint } from "@/server/endpoints/create-endpoint";
import { endpointInputSchema, type SignupWebhookInput } from "@/server/endpoints/schemas";
import { updateEndpoint } from "@/server/endpoints/update-endpoint";
import { getSignupWebhook } from "./get-signup-webhook";

/** The Signup Webhook's POST sends a JSON body (seed 000), so it is stored as method JSON. */
export const signupMethod = (m: SignupWebhookInput["method"]) => (m === "GET" ? "GET" : "JSON") as "GET" | "JSON";

/** Set Menu → Signup Webhook → Save Changes: creates or updates the reseller's platform endpoint. */
export async function saveSignupWebhook(ctx: DomainContext, input: SignupWebhookInput) {
  const existing = await getSignupWebhook(ctx);
  if (existing) {
    await updateEndpoint(ctx, { id: existing.id, data: { url: input.url, method: signupMethod(input.method) } });
  } else {
    await createEndpoint(
      ctx,
      endpointInputSchema.parse({
        url: input.url,
        description: "Signup webhook",
        product: "platform",
        reportType: "signup",
        eventTypes: ["user.signup"],
        method: signupMethod(input.method),
        payloadFormat: "mapped",
        timeoutMs: 5000,
      }),
    );
  }
  return (await getSignupWebhook(ctx))!;
}
