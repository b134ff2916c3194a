import { getProfile } from "@/server/accounts/get-profile";
import { getAccountBrand } from "@/server/white-label/get-account-brand";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => getProfile(ctx)),
  /** The reseller's brand for a customer who signed up on its storefront; null for Hookline's. */
  brand: protectedProcedure.query(({ ctx }) => getAccountBrand(ctx)),
});
