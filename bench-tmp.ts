import { openDb } from "@/db/client";
import { LocalRunner } from "@/server/delivery/runners/local-runner";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { startReceiver } from "@/tests/helpers/receiver";

const h = await openDb({ pgliteDir: "memory://" });
const r = await startReceiver();
const actor = await createActor(h.db);
await insertEndpoint(h.db, actor.accountId, r.url);
const runner = new LocalRunner({ db: h.db, idlePollMs: 50, attempt: { allowPrivateNetworks: true } });
const t0 = Date.now();
await ingestEvents(
  { db: h.db, accountId: actor.accountId, runner },
  { events: Array.from({ length: 1000 }, () => sampleEvent("sms.dlr")) },
);
console.log("ingest", Date.now() - t0);
const t1 = Date.now();
runner.start();
await r.waitFor(1000, 120_000);
console.log("deliver", Date.now() - t1);
await runner.stop();
await r.close();
await h.close();
