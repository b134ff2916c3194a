import { z } from "zod";

const RESERVED_SLUGS = ["admin", "api", "app", "www", "static", "sign-in", "sign-up", "reseller"];

/** One schema for the White label form, the tRPC procedure and the domain verb. */
export const whiteLabelInputSchema = z.object({
  brandName: z.string().trim().min(2, "Enter your brand name").max(60, "Brand name is too long"),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(2, "The slug needs at least 2 characters")
    .max(40, "The slug is too long")
    .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Use lower-case letters, digits and dashes (not at the start or end)")
    .refine((s) => !RESERVED_SLUGS.includes(s), "This slug is reserved"),
  logoUrl: z
    .string()
    .trim()
    .max(2048)
    .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), "Enter an http(s) URL or leave it empty")
    .transform((v) => v || null)
    .nullable()
    .optional(),
  primaryColor: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Use a hex colour like #0f766e"),
  supportEmail: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email or leave it empty")
    .transform((v) => v || null)
    .nullable()
    .optional(),
});

export type WhiteLabelInput = z.input<typeof whiteLabelInputSchema>;
export type WhiteLabelData = z.output<typeof whiteLabelInputSchema>;
