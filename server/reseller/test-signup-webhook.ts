import type { DomainContext } from "@/server/auth/actor";
import { endpointInputSchema, type SignupWebhookInput } from "@/server/endpoints/schemas";
import { testEndpoint } from "@/server/endpoints/test-endpoint";
import { signupMethod } from "./save-signup-webhook";

/** Test Webhook on the Signup Webhook form: the seed's sample signup, 5 s timeout, before or after saving. */
export function testSignupWebhook(ctx: DomainContext, input: SignupWebhookInput) {
  return testEndpoint(ctx, {
    draft: endpointInputSchema.parse({
      url: input.url,
      product: "platform",
      reportType: "signup",
      eventTypes: ["user.signup"],
      method: signupMethod(input.method),
      payloadFormat: "mapped",
      timeoutMs: 5000,
    }),
  });
}
