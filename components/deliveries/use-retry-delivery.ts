"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/react";
import { toast } from "@/components/ui/toast";

type Row = { id: string; status: string };
type Page = { data: Row[]; nextCursor: string | null };

/** Marks one delivery pending in a cached list page, or in every page of an infinite list. */
function markPending(cached: unknown, id: string): unknown {
  const patch = (page: Page): Page => ({
    ...page,
    data: page.data.map((d) => (d.id === id ? { ...d, status: "pending" } : d)),
  });
  if (!cached || typeof cached !== "object") return cached;
  if ("pages" in cached) return { ...cached, pages: (cached as { pages: Page[] }).pages.map(patch) };
  if ("data" in cached && Array.isArray((cached as Page).data)) return patch(cached as Page);
  return cached;
}

/**
 * deliveries.retry with an optimistic "pending" in every cached delivery list, a toast either
 * way, and fresh lists and detail afterwards (the log's polling then follows the attempt).
 */
export function useRetryDelivery() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation({
    ...trpc.deliveries.retry.mutationOptions(),
    onMutate: async ({ id }) => {
      const key = trpc.deliveries.list.pathKey();
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueriesData({ queryKey: key });
      queryClient.setQueriesData({ queryKey: key }, (cached: unknown) => markPending(cached, id));
      return { previous };
    },
    onError: (err, _vars, context) => {
      for (const [key, data] of context?.previous ?? []) queryClient.setQueryData(key, data);
      toast.error("Could not retry the delivery", err.message);
    },
    onSuccess: () => toast.success("Retry queued", "It will be sent again in a moment."),
    onSettled: (_data, _err, { id }) => {
      void queryClient.invalidateQueries({ queryKey: trpc.deliveries.list.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.deliveries.get.queryKey({ id }) });
    },
  });
}
