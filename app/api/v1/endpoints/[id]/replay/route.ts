import { listReplays } from "@/server/delivery/replay/list-replays";
import { startReplay } from "@/server/delivery/replay/start-replay";
import { replayBodySchema } from "@/server/delivery/schemas";
import { readJsonBody } from "@/server/rest/read-json-body";
import { json } from "@/server/rest/respond";
import { withApiKey } from "@/server/rest/with-api-key";

/**
 * POST /api/v1/endpoints/{id}/replay `{ since?, includeMissed? }` (body optional; default: 24 h ago) —
 * re-sends the endpoint's failed deliveries created since then (and, with `includeMissed`, the events
 * it never got, e.g. while disabled), in the background, at most 1,000 per replay:
 * 202 `{ replay, started: true }`; while one is running, 200 with that one and `started: false`.
 * `replay.remaining` counts the failed deliveries left for another replay.
 */
export const POST = withApiKey<{ id: string }>(async (ctx) => {
  const { req } = ctx;
  const hasBody = req.body !== null && req.headers.get("content-length") !== "0";
  const body = hasBody ? await readJsonBody(req, replayBodySchema) : {};
  const result = await startReplay(ctx, { endpointId: ctx.params.id, ...body });
  return json(result, result.started ? 202 : 200);
});

/** GET /api/v1/endpoints/{id}/replay — the endpoint's recent replays with their progress, newest first. */
export const GET = withApiKey<{ id: string }>(async (ctx) =>
  json({ data: await listReplays(ctx, { endpointId: ctx.params.id }) }),
);
