/** What ingestion and manual retries hand deliveries to. Both runners implement it. */
export type DeliveryItem = {
  id: string;
  endpointId: string;
  /** Distinguishes a later request for the same delivery (manual retry, resume) from a repeat. */
  dedupeKey?: string;
};

export interface DeliveryRunner {
  enqueue(items: DeliveryItem[]): Promise<void>;
}
