"use client";

import { Time } from "@/components/ui/time";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/react";
import { formatCount } from "@/components/webhooks/labels";

/** The endpoint's last few replays, one line each (nothing while there are none). */
export function RecentReplays({ endpointId, limit = 3 }: { endpointId: string; limit?: number }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.deliveries.replays.queryOptions({ endpointId, limit }));
  if (!data?.length) return null;
  return (
    <section aria-label="Recent replays" className="border-t border-slate-200 pt-3">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Recent replays</h3>
      <ul className="mt-1 space-y-1 text-sm text-slate-600">
        {data.map((r) => (
          <li key={r.id} data-testid="recent-replay">
            <Time value={r.createdAt} />: {formatCount(r.total)} replayed
            {r.status === "running"
              ? `, ${formatCount(r.done)} done so far`
              : ` — ${formatCount(r.succeeded)} succeeded, ${formatCount(r.failed)} failed`}
          </li>
        ))}
      </ul>
    </section>
  );
}
