import { storefrontSignUpSchema } from "@/server/reseller/schemas";
import { signUpOnStorefront } from "@/server/reseller/sign-up-on-storefront";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const storefrontRouter = createTRPCRouter({
  signUp: publicProcedure.input(storefrontSignUpSchema).mutation(async ({ ctx, input }) => {
    const user = await signUpOnStorefront({ db: ctx.db, runner: await ctx.getRunner() }, input);
    return { userId: user.userId };
  }),
});
