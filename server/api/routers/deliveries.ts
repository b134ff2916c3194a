import { countReplayableDeliveries } from "@/server/delivery/replay/count-replayable-deliveries";
import { getDelivery } from "@/server/delivery/log/get-delivery";
import { getReplayProgress } from "@/server/delivery/replay/get-replay-progress";
import { listDeliveries } from "@/server/delivery/log/list-deliveries";
import { listReplays } from "@/server/delivery/replay/list-replays";
import { retryDelivery } from "@/server/delivery/commands/retry-delivery";
import {
  deliveryIdSchema,
  listDeliveriesSchema,
  listReplaysSchema,
  replayIdSchema,
  replayPreviewSchema,
  startReplaySchema,
} from "@/server/delivery/schemas";
import { startReplay } from "@/server/delivery/replay/start-replay";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const deliveriesRouter = createTRPCRouter({
  list: protectedProcedure.input(listDeliveriesSchema).query(({ ctx, input }) => listDeliveries(ctx, input)),
  get: protectedProcedure.input(deliveryIdSchema).query(({ ctx, input }) => getDelivery(ctx, input)),
  retry: protectedProcedure.input(deliveryIdSchema).mutation(async ({ ctx, input }) => retryDelivery(ctx, input)),
  /** How many failed deliveries "Replay since …" would take, and the replay already running, if any. */
  replayPreview: protectedProcedure
    .input(replayPreviewSchema)
    .query(({ ctx, input }) => countReplayableDeliveries(ctx, input)),
  /** Starts a bounded background replay (or returns the one already running). */
  replay: protectedProcedure.input(startReplaySchema).mutation(async ({ ctx, input }) => startReplay(ctx, input)),
  replayProgress: protectedProcedure.input(replayIdSchema).query(({ ctx, input }) => getReplayProgress(ctx, input)),
  replays: protectedProcedure.input(listReplaysSchema).query(({ ctx, input }) => listReplays(ctx, input)),
});
