import "server-only";
import { cache } from "react";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { createElement, type ReactNode } from "react";
import { makeQueryClient } from "@/components/trpc/query-client";
import { getSession } from "@/server/auth/get-session";
import { appRouter } from "./root";
import { createTRPCContext } from "./trpc";

/** RSC side of tRPC: prefetch in a server component, then render <HydrateClient>. */
export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy({
  ctx: async () => createTRPCContext({ session: await getSession() }),
  router: appRouter,
  queryClient: getQueryClient,
});

export function HydrateClient({ children }: { children: ReactNode }) {
  return createElement(HydrationBoundary, { state: dehydrate(getQueryClient()) }, children);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any tRPC queryOptions() result
export function prefetch(queryOptions: any) {
  void getQueryClient().prefetchQuery(queryOptions);
}
