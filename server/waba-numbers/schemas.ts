import { z } from "zod";

export const addWabaNumberSchema = z.object({
  number: z
    .string()
    .trim()
    .regex(/^\+?[0-9]{8,15}$/, "Enter 8–15 digits with the country code, e.g. 919876543210")
    .transform((v) => v.replace(/^\+/, "")),
  label: z
    .string()
    .trim()
    .max(100, "Labels must be at most 100 characters")
    .optional()
    .transform((v) => v || null),
});
export type AddWabaNumberInput = z.output<typeof addWabaNumberSchema>;

export const wabaNumberIdSchema = z.object({ id: z.string().trim().min(1).max(64) });
