/** Hints whose endpoint is not known (the next delivery of a message a finished one released). */
const ANY_ENDPOINT = "";

/**
 * Deliveries pointed out to the local runner (just ingested, retried, released by the one before
 * them), kept per endpoint so a claim takes only as many of an endpoint's as it has places for:
 * the rest wait here instead of being dropped and found again by a scan of the whole due index.
 * A hint is only a shortcut: the delivery is in the database whatever happens to the hint.
 */
export class Hints {
  private readonly byEndpoint = new Map<string, string[]>();
  private count = 0;

  get size() {
    return this.count;
  }

  add(id: string, endpointId: string = ANY_ENDPOINT) {
    const list = this.byEndpoint.get(endpointId);
    if (list) list.push(id);
    else this.byEndpoint.set(endpointId, [id]);
    this.count++;
  }

  /** Whether some hinted endpoint (or one not known) is one `wanted` says to claim for now. */
  any(wanted: (endpointId: string) => boolean): boolean {
    for (const endpointId of this.byEndpoint.keys()) if (endpointId === ANY_ENDPOINT || wanted(endpointId)) return true;
    return false;
  }

  /**
   * Up to `limit` ids, oldest first per endpoint, at most `places(endpointId)` of each endpoint
   * (no cap where the endpoint is not known); the others stay for a later claim.
   */
  take(limit: number, places: (endpointId: string) => number, took?: (endpointId: string, n: number) => void) {
    const out: string[] = [];
    for (const [endpointId, list] of this.byEndpoint) {
      if (out.length >= limit) break;
      const n = Math.min(
        limit - out.length,
        list.length,
        endpointId === ANY_ENDPOINT ? list.length : places(endpointId),
      );
      if (n <= 0) continue;
      took?.(endpointId, n);
      out.push(...list.splice(0, n));
      if (!list.length) this.byEndpoint.delete(endpointId);
    }
    this.count -= out.length;
    return out;
  }
}
