import { changePassword } from "@/server/accounts/change-password";
import { getProfile } from "@/server/accounts/get-profile";
import { changePasswordSchema } from "@/server/accounts/schemas";
import { createTRPCRouter, protectedProcedure, writeLimit } from "../trpc";

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => getProfile(ctx)),
  /** Ends every session of the user, this one included: the form signs in again with the new password. */
  changePassword: protectedProcedure
    .use(writeLimit("changePassword"))
    .input(changePasswordSchema)
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
});
