import { z } from "zod";
import { signUpSchema } from "@/server/accounts/schemas";

export const storefrontSignUpSchema = signUpSchema.omit({ accountType: true }).extend({
  slug: z.string().trim().min(1).max(60),
});

export type StorefrontSignUpData = z.output<typeof storefrontSignUpSchema>;
