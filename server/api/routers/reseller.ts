import { z } from "zod";
import { listCustomers } from "@/server/reseller/list-customers";
import { createTRPCRouter, resellerProcedure } from "../trpc";

export const resellerRouter = createTRPCRouter({
  customers: resellerProcedure
    .input(z.object({ search: z.string().max(100).optional(), limit: z.number().int().min(1).max(500).optional() }).optional())
    .query(({ ctx, input }) => listCustomers(ctx, input)),
});
