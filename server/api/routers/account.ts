import { getProfile } from "@/server/accounts/get-profile";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => getProfile(ctx)),
});
