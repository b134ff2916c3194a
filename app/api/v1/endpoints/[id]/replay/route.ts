import { z } from "zod";
import { listReplays } from "@/server/delivery/queries/list-replays";
import { dateParam } from "@/server/delivery/queries/schemas";
import { startReplay } from "@/server/delivery/queries/start-replay";
import { readJsonBody } from "@/server/rest/read-json-body";
import { json } from "@/server/rest/respond";
import { getRestRunner } from "@/server/rest/rest-runner";
import { withApiKey } from "@/server/rest/with-api-key";

const bodySchema = z.strictObject({ since: dateParam.optional() });

/**
 * POST /api/v1/endpoints/{id}/replay `{ since? }` (body optional; default: 24 h ago) — re-sends the
 * endpoint's failed deliveries created since then, in the background, at most 1,000 per replay:
 * 202 `{ replay, started: true }`; while one is running, 200 with that one and `started: false`.
 * `replay.remaining` counts the failed deliveries left for another replay.
 */
export const POST = withApiKey<{ id: string }>(async ({ req, db, actor, params }) => {
  const hasBody = req.body !== null && req.headers.get("content-length") !== "0";
  const body = hasBody ? await readJsonBody(req, bodySchema) : {};
  const result = await startReplay({ db, accountId: actor.accountId, runner: await getRestRunner() }, { endpointId: params.id, since: body.since });
  return json(result, result.started ? 202 : 200);
});

/** GET /api/v1/endpoints/{id}/replay — the endpoint's recent replays with their progress, newest first. */
export const GET = withApiKey<{ id: string }>(async ({ db, actor, params }) =>
  json({ data: await listReplays({ db, accountId: actor.accountId }, { endpointId: params.id }) }),
);
