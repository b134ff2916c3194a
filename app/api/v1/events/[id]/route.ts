import { getEvent } from "@/server/events/get-event";
import { json } from "@/server/rest/respond";
import { withApiKey } from "@/server/rest/with-api-key";

/** GET /api/v1/events/{id} — one event with its payload and its delivery to each endpoint. */
export const GET = withApiKey<{ id: string }>(async (ctx) => json(await getEvent(ctx, { id: ctx.params.id })));
