import { expect, test } from "vitest";
import { buildSignupEventData, formatSignupTimestamp } from "./build-signup-event";

test("timestamp is UTC YYYY-MM-DD HH:mm:ss", () => {
  expect(formatSignupTimestamp(new Date("2025-12-31T00:00:00.789Z"))).toBe("2025-12-31 00:00:00");
  expect(formatSignupTimestamp(new Date("2026-03-05T23:59:59+05:30"))).toBe("2026-03-05 18:29:59");
});

test("exactly the ten signup fields, in the seed's order", () => {
  const data = buildSignupEventData({
    userId: "usr_1",
    fullName: "Jon Doe",
    username: "newuser",
    mobileNumber: "919812345678",
    email: "newuser@domain.com",
    city: "city name",
    region: "region name",
    country: "country name",
    createdAt: new Date("2025-12-31T00:00:00Z"),
  });
  expect(Object.keys(data)).toEqual([
    "user_type",
    "user_id",
    "user_full_name",
    "user_name",
    "mobile_number",
    "email",
    "user_city",
    "user_region",
    "user_country",
    "user_signup_timestamp",
  ]);
  expect(data).toMatchObject({
    user_type: "customer",
    user_full_name: "Jon Doe",
    user_signup_timestamp: "2025-12-31 00:00:00",
  });
});
