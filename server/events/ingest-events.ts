import type { RunnerContext } from "@/server/auth/actor";
import { invalid, type FieldIssue } from "@/server/errors";
import { checkEventSizes } from "./check-event-sizes";
import { catalog, isEventType, parseEventData, EVENT_TYPES } from "./catalog";
import type { EventInput, IngestBody } from "./ingest-schemas";
import { recordEvents, type ValidEvent } from "./record-events";
import { handOff } from "@/server/delivery/hand-off";

/**
 * Ingestion: validates each event against the catalog, records events and one delivery per
 * subscribed endpoint in one transaction, then hands the deliveries to the runner. Every way in
 * (REST, Send sample event) comes through here, so the size limit and validation hold for all.
 */
export async function ingestEvents(
  { db, actor: { accountId }, runner }: RunnerContext,
  body: IngestBody,
): Promise<{ id: string } | { ids: string[] }> {
  checkEventSizes(body);
  const batch = "events" in body;
  const list = batch ? body.events : [body];
  const valid = validateEvents(list, batch ? ["events"] : []);
  // recordEvents writes events and deliveries in one statement: no transaction of its own needed,
  // so the local runner's deliveries can be written already leased to it and sent at once.
  const leaseFor = runner.leaseOnInsert?.bind(runner);
  const { ids, deliveries, leased, lease } = await recordEvents(db, accountId, valid, leaseFor);
  if (leased.length && lease) runner.adopt?.(leased, lease);
  // The events are committed and accepted; a lost hand-off is picked up by the local runner's
  // polling or the Inngest sweep, so it must not turn into an error (or a wait) for the sender.
  await handOff(runner, deliveries, "ingestion");
  return batch ? { ids } : { id: ids[0]! };
}

export function validateEvents(list: EventInput[], prefix: (string | number)[] = []): ValidEvent[] {
  const issues: FieldIssue[] = [];
  const valid: ValidEvent[] = [];
  list.forEach((e, i) => {
    const at = prefix.length ? [...prefix, i] : [];
    if (!isEventType(e.type)) {
      issues.push({
        path: [...at, "type"],
        message: `Unknown event type '${e.type}'. Known types: ${EVENT_TYPES.join(", ")}`,
      });
      return;
    }
    if (catalog[e.type].emittedByHookline) {
      // Emitted by Hookline itself (storefront sign-ups, endpoint alerts); a client must not forge them.
      issues.push({
        path: [...at, "type"],
        message:
          e.type === "user.signup"
            ? "user.signup events are sent by Hookline when a customer signs up on your storefront; they cannot be ingested"
            : `${e.type} events are sent by Hookline about your endpoints; they cannot be ingested`,
      });
      return;
    }
    const parsed = parseEventData(e.type, e.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({
          path: [...at, "data", ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
          message: issue.message,
        });
      return;
    }
    valid.push({ type: e.type, data: parsed.data, idempotencyKey: e.idempotencyKey, orderingKey: e.orderingKey });
  });
  if (issues.length)
    throw invalid(
      issues.length === 1
        ? `${issues[0]!.path.join(".")}: ${issues[0]!.message}`
        : `${issues.length} problems in the events`,
      issues,
    );
  return valid;
}
