import { z } from "zod";
import { startReplaySchema } from "@/server/delivery/queries/schemas";

/** `POST /api/v1/endpoints/{id}/replay` body: the replay input without the endpoint (it is in the path). */
export const replayBodySchema = z.strictObject(startReplaySchema.pick({ since: true }).shape);
