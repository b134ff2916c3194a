import { describe, expect, it } from "vitest";
import { wantsSecureCookies } from "./wants-secure-cookies";

describe("wantsSecureCookies", () => {
  it("is on in production, whatever the URL but a loopback one", () => {
    expect(wantsSecureCookies({ NODE_ENV: "production", NEXTAUTH_URL: "https://hooks.example.com" })).toBe(true);
    expect(wantsSecureCookies({ NODE_ENV: "production", NEXTAUTH_URL: "http://hooks.example.com" })).toBe(true);
    expect(wantsSecureCookies({ NODE_ENV: "production" })).toBe(true);
    expect(wantsSecureCookies({ NODE_ENV: "production", NEXTAUTH_URL: "http://127.0.0.1:3100" })).toBe(false);
    expect(wantsSecureCookies({ NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000/" })).toBe(false);
  });

  it("is off in development and tests", () => {
    expect(wantsSecureCookies({ NODE_ENV: "development", NEXTAUTH_URL: "http://hooks.example.com" })).toBe(false);
    expect(wantsSecureCookies({ NODE_ENV: "test" })).toBe(false);
  });
});
