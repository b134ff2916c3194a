import { getOpsWebhook } from "@/server/alerts/get-ops-webhook";
import { saveOpsWebhook } from "@/server/alerts/save-ops-webhook";
import { opsWebhookInputSchema } from "@/server/alerts/schemas";
import { listNotifications } from "@/server/notifications/list-notifications";
import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** Alerts: the in-app notifications (the bell) and the operational webhook in Settings. */
export const notificationsRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listNotifications(ctx)),
  markRead: protectedProcedure.mutation(({ ctx }) => markNotificationsRead(ctx)),
  opsWebhook: protectedProcedure.query(({ ctx }) => getOpsWebhook(ctx)),
  saveOpsWebhook: protectedProcedure
    .input(opsWebhookInputSchema)
    .mutation(({ ctx, input }) => saveOpsWebhook(ctx, input)),
});
