import { countReplayableDeliveries } from "@/server/delivery/queries/count-replayable-deliveries";
import { getDelivery } from "@/server/delivery/queries/get-delivery";
import { getReplayProgress } from "@/server/delivery/queries/get-replay-progress";
import { listDeliveries } from "@/server/delivery/queries/list-deliveries";
import { listReplays } from "@/server/delivery/queries/list-replays";
import { retryDelivery } from "@/server/delivery/queries/retry-delivery";
import {
  deliveryIdSchema,
  listDeliveriesSchema,
  listReplaysSchema,
  replayIdSchema,
  replayPreviewSchema,
  startReplaySchema,
} from "@/server/delivery/queries/schemas";
import { startReplay } from "@/server/delivery/queries/start-replay";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const deliveriesRouter = createTRPCRouter({
  list: protectedProcedure
    .input(listDeliveriesSchema)
    .query(({ ctx, input }) => listDeliveries({ db: ctx.db, accountId: ctx.actor.accountId }, input)),
  get: protectedProcedure
    .input(deliveryIdSchema)
    .query(({ ctx, input }) => getDelivery({ db: ctx.db, accountId: ctx.actor.accountId }, input.id)),
  retry: protectedProcedure
    .input(deliveryIdSchema)
    .mutation(async ({ ctx, input }) =>
      retryDelivery({ db: ctx.db, accountId: ctx.actor.accountId, runner: await ctx.getRunner() }, input.id),
    ),
  /** How many failed deliveries "Replay since …" would take, and the replay already running, if any. */
  replayPreview: protectedProcedure
    .input(replayPreviewSchema)
    .query(({ ctx, input }) => countReplayableDeliveries({ db: ctx.db, accountId: ctx.actor.accountId }, input)),
  /** Starts a bounded background replay (or returns the one already running). */
  replay: protectedProcedure
    .input(startReplaySchema)
    .mutation(async ({ ctx, input }) =>
      startReplay({ db: ctx.db, accountId: ctx.actor.accountId, runner: await ctx.getRunner() }, input),
    ),
  replayProgress: protectedProcedure
    .input(replayIdSchema)
    .query(({ ctx, input }) => getReplayProgress({ db: ctx.db, accountId: ctx.actor.accountId }, input.id)),
  replays: protectedProcedure
    .input(listReplaysSchema)
    .query(({ ctx, input }) => listReplays({ db: ctx.db, accountId: ctx.actor.accountId }, input)),
});
