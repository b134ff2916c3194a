import { addWabaNumber } from "@/server/waba-numbers/add-waba-number";
import { listWabaNumbers } from "@/server/waba-numbers/list-waba-numbers";
import { removeWabaNumber } from "@/server/waba-numbers/remove-waba-number";
import { addWabaNumberSchema, wabaNumberIdSchema } from "@/server/waba-numbers/schemas";
import { createTRPCRouter, protectedProcedure, writeLimit } from "../trpc";

export const wabaNumbersRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listWabaNumbers(ctx)),
  add: protectedProcedure
    .use(writeLimit("addWabaNumber"))
    .input(addWabaNumberSchema)
    .mutation(({ ctx, input }) => addWabaNumber(ctx, input)),
  remove: protectedProcedure.input(wabaNumberIdSchema).mutation(({ ctx, input }) => removeWabaNumber(ctx, input)),
});
