import { z } from "zod";
import { signupWebhookInputSchema } from "@/server/endpoints/schemas";

/** Settings → Operational webhook: the URL that receives endpoint.failing / disabled / recovered. */
export const opsWebhookInputSchema = z.object({ url: signupWebhookInputSchema.shape.url });
export type OpsWebhookInput = z.output<typeof opsWebhookInputSchema>;
