import type { DbOrTx } from "@/db";
import { deliveryAttempts, type RecordedRequest } from "@/db/schema";
import type { SendOutcome } from "@/server/delivery/types";
import { newId } from "@/server/lib/ids";

/** A Test Webhook send to a saved endpoint, kept in its log (trigger "test", no delivery). */
export async function recordTestAttempt(
  db: DbOrTx,
  r: { accountId: string; endpointId: string; request: RecordedRequest; outcome: SendOutcome },
) {
  const { outcome } = r;
  await db.insert(deliveryAttempts).values({
    id: newId("att"),
    accountId: r.accountId,
    endpointId: r.endpointId,
    deliveryId: null,
    attemptNumber: 1,
    trigger: "test",
    request: r.request,
    responseStatus: outcome.status,
    responseHeaders: outcome.headers,
    responseBody: outcome.body,
    durationMs: outcome.durationMs,
    errorClass: outcome.errorClass,
    errorMessage: outcome.errorMessage,
  });
}
