import { listReplays } from "@/server/delivery/queries/list-replays";
import { replayBodySchema } from "@/server/delivery/queries/schemas";
import { startReplay } from "@/server/delivery/queries/start-replay";
import { readJsonBody } from "@/server/rest/read-json-body";
import { json } from "@/server/rest/respond";
import { getRestRunner } from "@/server/rest/rest-runner";
import { withApiKey } from "@/server/rest/with-api-key";

/**
 * POST /api/v1/endpoints/{id}/replay `{ since?, includeMissed? }` (body optional; default: 24 h ago) —
 * re-sends the endpoint's failed deliveries created since then (and, with `includeMissed`, the events
 * it never got, e.g. while disabled), in the background, at most 1,000 per replay:
 * 202 `{ replay, started: true }`; while one is running, 200 with that one and `started: false`.
 * `replay.remaining` counts the failed deliveries left for another replay.
 */
export const POST = withApiKey<{ id: string }>(async ({ req, db, actor, params }) => {
  const hasBody = req.body !== null && req.headers.get("content-length") !== "0";
  const body = hasBody ? await readJsonBody(req, replayBodySchema) : {};
  const result = await startReplay(
    { db, accountId: actor.accountId, runner: await getRestRunner() },
    { endpointId: params.id, ...body },
  );
  return json(result, result.started ? 202 : 200);
});

/** GET /api/v1/endpoints/{id}/replay — the endpoint's recent replays with their progress, newest first. */
export const GET = withApiKey<{ id: string }>(async ({ db, actor, params }) =>
  json({ data: await listReplays({ db, accountId: actor.accountId }, { endpointId: params.id }) }),
);
