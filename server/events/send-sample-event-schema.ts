import { z } from "zod";

/** Send sample event: a catalog type and its (possibly edited) data; checked by ingestion. */
export const sendSampleEventSchema = z.object({
  type: z.string({ error: "type is required" }).trim().min(1, "type is required").max(64),
  data: z.record(z.string(), z.unknown(), { error: "data must be a JSON object" }),
});

export type SendSampleEventInput = z.infer<typeof sendSampleEventSchema>;
