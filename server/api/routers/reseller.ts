import { z } from "zod";
import { signupWebhookInputSchema } from "@/server/endpoints/schemas";
import { getSignupWebhook } from "@/server/reseller/get-signup-webhook";
import { listCustomers } from "@/server/reseller/list-customers";
import { saveSignupWebhook } from "@/server/reseller/save-signup-webhook";
import { testSignupWebhook } from "@/server/reseller/test-signup-webhook";
import { getWhiteLabel } from "@/server/white-label/get-white-label";
import { saveWhiteLabel } from "@/server/white-label/save-white-label";
import { whiteLabelInputSchema } from "@/server/white-label/schemas";
import { createTRPCRouter, resellerProcedure, writeLimit } from "../trpc";

export const resellerRouter = createTRPCRouter({
  customers: resellerProcedure
    .input(
      z
        .object({ search: z.string().max(100).optional(), limit: z.number().int().min(1).max(500).optional() })
        .optional(),
    )
    .query(({ ctx, input }) => listCustomers(ctx, input)),
  whiteLabel: resellerProcedure.query(({ ctx }) => getWhiteLabel(ctx)),
  saveWhiteLabel: resellerProcedure
    .use(writeLimit("saveWhiteLabel"))
    .input(whiteLabelInputSchema)
    .mutation(({ ctx, input }) => saveWhiteLabel(ctx, input)),
  signupWebhook: resellerProcedure.query(({ ctx }) => getSignupWebhook(ctx)),
  saveSignupWebhook: resellerProcedure
    .input(signupWebhookInputSchema)
    .mutation(({ ctx, input }) => saveSignupWebhook(ctx, input)),
  testSignupWebhook: resellerProcedure
    .use(writeLimit("sendTestRequest"))
    .input(signupWebhookInputSchema)
    .mutation(({ ctx, input }) => testSignupWebhook(ctx, input)),
});
