"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/react";

/**
 * The endpoint's failed deliveries in a row with the threshold that disables it — from the same
 * query as the warning banner, so both always show the same number.
 */
export function FailureStreakValue({ endpointId, fallback }: { endpointId: string; fallback: number }) {
  const trpc = useTRPC();
  const streak = useQuery({ ...trpc.health.streak.queryOptions({ endpointId }), refetchInterval: 5_000 });
  const n = streak.data?.failedInARow ?? fallback;
  return (
    <span data-testid="failure-streak">
      {n}
      {streak.data && (
        <span className="text-slate-500"> of {streak.data.thresholds.disableAfter} before it is disabled</span>
      )}
    </span>
  );
}
