const lastStart = new Map<string, number>();
const queues = new Map<string, Promise<void>>();

/**
 * Within this process, successive sends to a rate-limited endpoint start at least `intervalMs`
 * apart, measured when each one actually starts. The database hands out exact slots, but a
 * process that stalls (a busy machine, a long statement) would otherwise wake up late and let the
 * overdue sends out together — a burst inside the receiver's window. Each send waits for the one
 * before it, then for the interval since that one really left. Across processes the database
 * slots alone apply.
 */
export function paceEndpoint(endpointId: string, intervalMs: number): Promise<void> {
  const previous = queues.get(endpointId) ?? Promise.resolve();
  const mine = previous.then(async () => {
    const wait = (lastStart.get(endpointId) ?? -Infinity) + intervalMs - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    lastStart.set(endpointId, performance.now());
  });
  queues.set(endpointId, mine);
  void mine.finally(() => {
    if (queues.get(endpointId) === mine) queues.delete(endpointId);
  });
  if (lastStart.size > 10_000) {
    const old = performance.now() - 60_000;
    for (const [id, t] of lastStart) if (t < old && !queues.has(id)) lastStart.delete(id);
  }
  return mine;
}
