/**
 * Shown when the sign-in right after sign-up fails: sign-up answers the same for a taken email
 * (its owner gets a mail), so this is where a visitor with an existing email ends up.
 */
export const SIGN_UP_NOT_SIGNED_IN =
  "We could not sign you in with these details. If this email already has an account, we have sent its owner a mail: sign in, or reset your password.";
