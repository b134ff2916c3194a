import type { Db, DbOrTx } from "@/db";
import type { DeliveryRunner } from "@/server/delivery/delivery-runner";

/** Who is acting: a signed-in user (tRPC) or an API key (REST). Every domain query filters by accountId. */
export type Actor = { userId: string; accountId: string; role: "customer" | "reseller" };

/** An actor authenticated by an API key (REST v1). */
export type ApiKeyActor = Actor & { keyId: string };

/** The first argument of every domain verb: `verb({ db, actor }, input)`. */
export type DomainContext = { db: Db; actor: Actor };

/** For read-only verbs that may also run inside a transaction. */
export type ReadContext = { db: DbOrTx; actor: Actor };

/** For verbs that hand deliveries to the runner (ingestion, retry, replay, resume). */
export type RunnerContext = DomainContext & { runner: DeliveryRunner };
