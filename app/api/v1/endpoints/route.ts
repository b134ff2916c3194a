import { createEndpoint } from "@/server/endpoints/create-endpoint";
import { listEndpoints } from "@/server/endpoints/list-endpoints";
import { endpointInputSchema } from "@/server/endpoints/schemas";
import { json } from "@/server/rest/respond";
import { withApiKey } from "@/server/rest/with-api-key";

/** GET /api/v1/endpoints — the account's webhook endpoints, newest first. */
export const GET = withApiKey(async (ctx) => json({ data: await listEndpoints(ctx) }));

/** POST /api/v1/endpoints — creates one; the response carries `signingSecret`, shown only this once. */
export const POST = withApiKey(
  async (ctx) => {
    const { endpoint, signingSecret } = await createEndpoint(ctx, ctx.body);
    return json({ ...endpoint, signingSecret }, 201, { location: `/api/v1/endpoints/${endpoint.id}` });
  },
  { body: endpointInputSchema, writeLimit: "createEndpoint" },
);
