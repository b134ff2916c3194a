import { expect, test } from "vitest";
import { configureAuthUrl, publicUrl } from "./public-url";

test("without NEXTAUTH_URL/AUTH_URL the public URL is the request's own origin (any port)", () => {
  // The test environment sets neither.
  expect(publicUrl(new Headers({ host: "127.0.0.1:3001" }))).toBe("http://127.0.0.1:3001");
  expect(
    publicUrl(
      new Headers({ host: "internal:3000", "x-forwarded-host": "hooks.example.com", "x-forwarded-proto": "https" }),
    ),
  ).toBe("https://hooks.example.com");
});

test("next-auth: AUTH_URL stands for NEXTAUTH_URL; with neither it trusts the request's host", () => {
  const a: Record<string, string | undefined> = { AUTH_URL: "https://hooks.example.com" };
  configureAuthUrl(a);
  expect(a).toMatchObject({ NEXTAUTH_URL: "https://hooks.example.com" });
  expect(a.AUTH_TRUST_HOST).toBeUndefined();
  const b: Record<string, string | undefined> = {};
  configureAuthUrl(b);
  expect(b).toEqual({ AUTH_TRUST_HOST: "1" });
  const c: Record<string, string | undefined> = { NEXTAUTH_URL: "https://x.example.com" };
  configureAuthUrl(c);
  expect(c).toEqual({ NEXTAUTH_URL: "https://x.example.com" });
});
