import { rotateEndpointSecret } from "@/server/endpoints/rotate-endpoint-secret";
import { json } from "@/server/rest/respond";
import { withApiKey } from "@/server/rest/with-api-key";

/** POST /api/v1/endpoints/{id}/rotate-secret — a new signing secret; the old one keeps signing for 24 h. */
export const POST = withApiKey<{ id: string }>(async (ctx) => {
  const r = await rotateEndpointSecret(ctx, { id: ctx.params.id });
  return json({ signingSecret: r.secret, previousSecretExpiresAt: r.previousSecretExpiresAt });
});
