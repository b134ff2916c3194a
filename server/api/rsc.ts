import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { createElement, type ReactNode } from "react";
import { makeQueryClient } from "@/lib/query-client";
import { getSession } from "@/server/auth/get-session";
import { appRouter, createCaller } from "./root";
import { createTRPCContext } from "./trpc";

/** RSC side of tRPC: prefetch in a server component, then render <HydrateClient>. */
export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy({
  ctx: async () => createTRPCContext({ session: await getSession() }),
  router: appRouter,
  queryClient: getQueryClient,
});

/** A server-side caller for the current request (pages that need data, not a query cache). */
export const serverCaller = cache(async () => createCaller(await createTRPCContext({ session: await getSession() })));

export function HydrateClient({ children }: { children: ReactNode }) {
  return createElement(HydrationBoundary, { state: dehydrate(getQueryClient()) }, children);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any tRPC queryOptions() result
export function prefetch(queryOptions: any) {
  void getQueryClient().prefetchQuery(queryOptions);
}

/**
 * Prefetches and waits, for lists read with non-suspense hooks (useQuery/useInfiniteQuery): the
 * server then renders the data, as the browser will — a still-pending prefetch would render a
 * skeleton on the server and the rows in the browser (a hydration mismatch, React #418).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any tRPC queryOptions() result
export async function prefetchReady(queryOptions: any): Promise<void> {
  await getQueryClient().prefetchQuery(queryOptions);
}

/**
 * Fetches (not just prefetches) a record a page is about, so an unknown, malformed or other
 * account's id is Next's not-found page rather than an error.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any tRPC queryOptions() result
export async function fetchOrNotFound(queryOptions: any): Promise<void> {
  try {
    await getQueryClient().fetchQuery(queryOptions);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw err;
  }
}
