import { deleteEndpoint } from "@/server/endpoints/delete-endpoint";
import { getEndpoint } from "@/server/endpoints/get-endpoint";
import { endpointUpdateSchema } from "@/server/endpoints/schemas";
import { updateEndpoint } from "@/server/endpoints/update-endpoint";
import { json, noContent } from "@/server/rest/respond";
import { withApiKey } from "@/server/rest/with-api-key";

type Params = { id: string };

/** GET /api/v1/endpoints/{id} */
export const GET = withApiKey<Params>(async (ctx) => json(await getEndpoint(ctx, { id: ctx.params.id })));

/** PATCH /api/v1/endpoints/{id} — any subset of fields; the merged endpoint is validated as a whole. */
export const PATCH = withApiKey<Params, typeof endpointUpdateSchema>(
  async (ctx) => json(await updateEndpoint(ctx, { id: ctx.params.id, data: ctx.body })),
  { body: endpointUpdateSchema },
);

/** DELETE /api/v1/endpoints/{id} → 204 */
export const DELETE = withApiKey<Params>(async (ctx) => {
  await deleteEndpoint(ctx, { id: ctx.params.id });
  return noContent();
});
