import { signUpSchema } from "@/server/accounts/schemas";
import { signUp } from "@/server/accounts/sign-up";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const authRouter = createTRPCRouter({
  signUp: publicProcedure.input(signUpSchema).mutation(async ({ ctx, input }) => {
    const user = await signUp({ db: ctx.db }, input);
    return { userId: user.userId, accountType: user.accountType };
  }),
});
