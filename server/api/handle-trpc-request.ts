import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getAppServices, type AppServices } from "@/server/app-services";
import { clientAddress } from "@/server/auth/client-address";
import { getRequestSession } from "@/server/auth/get-request-session";
import { appRouter } from "./root";
import { createTRPCContext, MAX_BATCH_SIZE } from "./trpc";

/**
 * `/api/trpc/*`: the session and client address come from the request itself, so tests serve
 * this handler over real HTTP with their own services. Batches are capped at MAX_BATCH_SIZE.
 */
export async function handleTRPCRequest(req: Request, services?: AppServices): Promise<Response> {
  const resolved = services ?? (await getAppServices());
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async () =>
      createTRPCContext({
        session: await getRequestSession(req, async () => resolved.db),
        services: resolved,
        client: clientAddress(req.headers),
      }),
  });
}
