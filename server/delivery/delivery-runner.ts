import type { ClaimedDelivery } from "./engine/claimed-delivery";

/** What ingestion and manual retries hand deliveries to. Both runners implement it. */
export type DeliveryItem = {
  id: string;
  endpointId: string;
  /** Distinguishes a later request for the same delivery (manual retry, resume) from a repeat. */
  dedupeKey?: string;
};

/** A lease ingestion may write new deliveries with, so they arrive at the runner already claimed. */
export type InsertLease = {
  owner: string;
  leaseMs: number;
  /** When the lease was given, on the runner's lease clock: the leases written run from after it. */
  since: number;
};

export interface DeliveryRunner {
  enqueue(items: DeliveryItem[]): Promise<void>;
  /**
   * The local runner only: a lease for `count` deliveries about to be written, when it runs and has
   * room for them — so nothing stands between accepting an event and sending it (no claim).
   */
  leaseOnInsert?(count: number): InsertLease | null;
  /** Deliveries written under that lease (committed): this runner sends them. */
  adopt?(claimed: ClaimedDelivery[], lease: InsertLease): void;
}
