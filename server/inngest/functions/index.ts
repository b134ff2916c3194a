import { deliverWebhook } from "./deliver-webhook";
import { processAlerts } from "./process-alerts";
import { pruneOldAttempts } from "./prune-old-attempts";
import { sweepDeliveries } from "./sweep-deliveries";

/** Every Inngest function the app serves at /api/inngest. */
export const functions = [deliverWebhook, sweepDeliveries, pruneOldAttempts, processAlerts];
