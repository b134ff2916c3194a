import { z } from "zod";
import { findMovedStorefront } from "@/server/white-label/find-moved-storefront";
import { getStorefront } from "@/server/white-label/get-storefront";
import { storefrontSignUpSchema } from "@/server/reseller/schemas";
import { signUpOnStorefront } from "@/server/reseller/sign-up-on-storefront";
import { createTRPCRouter, publicProcedure, writeLimit } from "../trpc";

export const storefrontRouter = createTRPCRouter({
  /** Public: a storefront's branding by slug (its sign-up page). */
  get: publicProcedure
    .input(z.object({ slug: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => getStorefront(ctx, input)),
  /** The same answer whether or not the email already has an account (its owner gets a mail). */
  /** Public: where a storefront that changed its slug lives now (old links redirect for 30 days). */
  movedTo: publicProcedure
    .input(z.object({ slug: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => findMovedStorefront(ctx, input)),
  signUp: publicProcedure
    .use(writeLimit("signUp"))
    .input(storefrontSignUpSchema)
    .mutation(async ({ ctx, input }) => {
      await signUpOnStorefront(ctx, input);
      return { ok: true as const };
    }),
});
