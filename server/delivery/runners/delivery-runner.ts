/** What ingestion and manual retries hand deliveries to. Both runners implement it. */
export type DeliveryItem = { id: string; endpointId: string };

export interface DeliveryRunner {
  enqueue(items: DeliveryItem[]): Promise<void>;
}
