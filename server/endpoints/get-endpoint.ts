import type { DomainContext } from "@/server/auth/actor";
import { findOwnEndpoint } from "./find-own-endpoint";
import { toEndpointView } from "./to-endpoint-view";

export async function getEndpoint({ db, actor }: DomainContext, input: { id: string }) {
  return toEndpointView(await findOwnEndpoint(db, actor, input.id));
}
