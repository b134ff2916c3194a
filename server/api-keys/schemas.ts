import { z } from "zod";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(100, "Names must be at most 100 characters"),
});
export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;

export const apiKeyIdSchema = z.object({ id: z.string().trim().min(1).max(64) });
