const nextStart = new Map<string, number>();

/**
 * Within this process, successive sends to a rate-limited endpoint start at least one interval
 * apart by the monotonic clock. The database hands out exact slots, but the time from a slot
 * opening to the request leaving varies with the round trip that fetched it; this takes that
 * variation out so the receiver sees the spacing it asked for. Across processes the database
 * slots alone apply. Each caller takes its start time synchronously, so concurrent callers queue.
 */
export async function paceEndpoint(endpointId: string, intervalMs: number): Promise<void> {
  const now = performance.now();
  const start = Math.max(now, nextStart.get(endpointId) ?? now);
  nextStart.set(endpointId, start + intervalMs);
  if (nextStart.size > 10_000) {
    for (const [id, t] of nextStart) if (t < now - 60_000) nextStart.delete(id);
  }
  if (start > now) await new Promise((r) => setTimeout(r, start - now));
}
