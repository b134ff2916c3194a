import { getDelivery } from "@/server/delivery/queries/get-delivery";
import { listDeliveries } from "@/server/delivery/queries/list-deliveries";
import { retryDelivery } from "@/server/delivery/queries/retry-delivery";
import { deliveryIdSchema, listDeliveriesSchema } from "@/server/delivery/queries/schemas";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const deliveriesRouter = createTRPCRouter({
  list: protectedProcedure.input(listDeliveriesSchema).query(({ ctx, input }) => listDeliveries({ db: ctx.db, accountId: ctx.actor.accountId }, input)),
  get: protectedProcedure.input(deliveryIdSchema).query(({ ctx, input }) => getDelivery({ db: ctx.db, accountId: ctx.actor.accountId }, input.id)),
  retry: protectedProcedure
    .input(deliveryIdSchema)
    .mutation(async ({ ctx, input }) => retryDelivery({ db: ctx.db, accountId: ctx.actor.accountId, runner: await ctx.getRunner() }, input.id)),
});
