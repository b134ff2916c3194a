import { z } from "zod";
import { normalizePhone } from "@/lib/phone-and-url";

/** A new password: the same rule for sign-up, reset and change. */
const newPasswordSchema = z
  .string()
  .min(10, "Password must be at least 10 characters")
  .max(200, "Password is too long")
  .refine((p) => /[A-Za-z]/.test(p) && /[0-9]/.test(p), "Use at least one letter and one digit");

const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address").max(254));

/** One schema for the sign-up form, the tRPC procedure and the branded storefront sign-up. */
export const signUpSchema = z.object({
  fullName: z.string().trim().min(2, "Enter your full name").max(120, "Full name is too long"),
  username: z
    .string()
    .trim()
    .min(3, "Username must be at least 3 characters")
    .max(32, "Username must be at most 32 characters")
    .regex(/^[a-zA-Z0-9_.-]+$/, "Use letters, digits, dots, dashes and underscores only"),
  email: emailSchema,
  // "+91 98765 00001" is accepted and stored as 919876500001 (the seed's format).
  mobileNumber: z
    .string()
    .transform(normalizePhone)
    .pipe(z.string().regex(/^[0-9]{8,15}$/, "Enter a mobile number with the country code, e.g. 919812345678")),
  city: z.string().trim().min(1, "Enter your city").max(100),
  region: z.string().trim().min(1, "Enter your region or state").max(100),
  country: z.string().trim().min(2, "Enter your country").max(100),
  password: newPasswordSchema,
  accountType: z.enum(["customer", "reseller"]).default("customer"),
});

export type SignUpInput = z.input<typeof signUpSchema>;
export type SignUpData = z.output<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200),
});

export type SignInInput = z.infer<typeof signInSchema>;

export const requestPasswordResetSchema = z.object({ email: emailSchema });
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetSchema>;

export const resetPasswordSchema = z.object({
  token: z.string().trim().min(20, "This reset link is not valid").max(100, "This reset link is not valid"),
  password: newPasswordSchema,
});
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(200),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** Settings → Privacy. */
export const privacySettingsSchema = z.object({
  piiMasking: z.boolean({ error: "Choose whether to mask personal data" }),
  retentionDays: z
    .number({ error: "Enter a number of days" })
    .int("Enter a whole number of days")
    .min(1, "Keep data for at least 1 day")
    .max(90, "Keep data for at most 90 days"),
});
export type PrivacySettingsInput = z.infer<typeof privacySettingsSchema>;

/** Deleting an account: the password again, and the word DELETE typed out. */
export const deleteAccountSchema = z.object({
  password: z.string().min(1, "Enter your password").max(200),
  confirm: z.literal("DELETE", { error: "Type DELETE to confirm" }),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
