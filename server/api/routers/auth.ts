import { registerAccount } from "@/server/accounts/register-account";
import { requestPasswordReset } from "@/server/accounts/request-password-reset";
import { resetPassword } from "@/server/accounts/reset-password";
import { requestPasswordResetSchema, resetPasswordSchema, signUpSchema } from "@/server/accounts/schemas";
import { createTRPCRouter, publicProcedure, writeLimit } from "../trpc";

export const authRouter = createTRPCRouter({
  /** The same answer whether or not the email already has an account (its owner gets a mail). */
  signUp: publicProcedure
    .use(writeLimit("signUp"))
    .input(signUpSchema)
    .mutation(async ({ ctx, input }) => {
      await registerAccount(ctx, input);
      return { accountType: input.accountType };
    }),
  /** The same answer whether or not the email has an account. */
  requestPasswordReset: publicProcedure
    .use(writeLimit("requestPasswordReset"))
    .input(requestPasswordResetSchema)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx, input)),
  resetPassword: publicProcedure
    .use(writeLimit("resetPassword"))
    .input(resetPasswordSchema)
    .mutation(({ ctx, input }) => resetPassword(ctx, input)),
});
