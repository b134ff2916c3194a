import { changePassword } from "@/server/accounts/change-password";
import { deleteAccount } from "@/server/accounts/delete-account";
import { exportAccount } from "@/server/accounts/export-account";
import { getPrivacySettings } from "@/server/accounts/get-privacy-settings";
import { getProfile } from "@/server/accounts/get-profile";
import { getAccountBrand } from "@/server/white-label/get-account-brand";
import { savePrivacySettings } from "@/server/accounts/save-privacy-settings";
import { changePasswordSchema, deleteAccountSchema, privacySettingsSchema } from "@/server/accounts/schemas";
import { createTRPCRouter, protectedProcedure, writeLimit } from "../trpc";

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => getProfile(ctx)),
  /** The reseller's brand for a customer who signed up on its storefront; null for Hookline's. */
  brand: protectedProcedure.query(({ ctx }) => getAccountBrand(ctx)),
  /** Ends every session of the user, this one included: the form signs in again with the new password. */
  changePassword: protectedProcedure
    .use(writeLimit("changePassword"))
    .input(changePasswordSchema)
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
  privacy: protectedProcedure.query(({ ctx }) => getPrivacySettings(ctx)),
  savePrivacy: protectedProcedure
    .input(privacySettingsSchema)
    .mutation(({ ctx, input }) => savePrivacySettings(ctx, input)),
  /** A mutation, so it is never prefetched or cached: the download is an explicit act. */
  export: protectedProcedure.use(writeLimit("exportAccount")).mutation(({ ctx }) => exportAccount(ctx)),
  delete: protectedProcedure
    .use(writeLimit("changePassword"))
    .input(deleteAccountSchema)
    .mutation(({ ctx, input }) => deleteAccount(ctx, input)),
});
