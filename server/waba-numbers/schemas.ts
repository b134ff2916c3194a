import { z } from "zod";
import { normalizePhone } from "@/lib/phone-and-url";

export const addWabaNumberSchema = z.object({
  // "+91 98765 00001" is accepted and stored as 919876500001.
  number: z
    .string()
    .transform(normalizePhone)
    .pipe(z.string().regex(/^[0-9]{8,15}$/, "Enter 8–15 digits with the country code, e.g. 919876543210")),
  label: z
    .string()
    .trim()
    .max(100, "Labels must be at most 100 characters")
    .optional()
    .transform((v) => v || null),
});
export type AddWabaNumberInput = z.output<typeof addWabaNumberSchema>;

export const wabaNumberIdSchema = z.object({ id: z.string().trim().min(1).max(64) });
