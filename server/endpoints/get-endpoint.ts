import type { Db } from "@/db";
import type { Actor } from "@/server/api/trpc";
import { findOwnEndpoint } from "./find-own-endpoint";
import { toEndpointView } from "./to-endpoint-view";

export async function getEndpoint({ db, actor }: { db: Db; actor: Actor }, input: { id: string }) {
  return toEndpointView(await findOwnEndpoint(db, actor, input.id));
}
