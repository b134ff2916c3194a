/** `YYYY-MM-DD HH:mm:ss` in UTC, the format of the seed's `user_signup_timestamp`. */
export function formatSignupTimestamp(d: Date): string {
  return d.toISOString().slice(0, 19).replace("T", " ");
}

type SignedUpProfile = {
  userId: string;
  fullName: string;
  username: string;
  mobileNumber: string;
  email: string;
  city: string;
  region: string;
  country: string;
  createdAt: Date;
};

/** The `user.signup` event data: exactly the ten fields of the Signup Webhook payload. */
export function buildSignupEventData(p: SignedUpProfile) {
  return {
    user_type: "customer",
    user_id: p.userId,
    user_full_name: p.fullName,
    user_name: p.username,
    mobile_number: p.mobileNumber,
    email: p.email,
    user_city: p.city,
    user_region: p.region,
    user_country: p.country,
    user_signup_timestamp: formatSignupTimestamp(p.createdAt),
  };
}
