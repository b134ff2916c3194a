import { describe, expect, test } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  test("development defaults: PGlite, dev secrets, private networks allowed, local runner", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe("./.data/pglite");
    expect(env.usingDevSecrets).toBe(true);
    expect(env.ENCRYPTION_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(env.WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(true);
    expect(env.DELIVERY_RUNNER).toBe("local");
  });

  test("production refuses to start without AUTH_SECRET and ENCRYPTION_KEY, naming both", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    try {
      parseEnv({ NODE_ENV: "production" });
    } catch (e) {
      expect((e as Error).message).toContain("AUTH_SECRET: is required in production");
      expect((e as Error).message).toContain("ENCRYPTION_KEY: is required in production");
    }
  });

  test("production with secrets: private networks refused by default", () => {
    const env = parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), ENCRYPTION_KEY: "ab".repeat(32) });
    expect(env.WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(false);
    expect(env.usingDevSecrets).toBe(false);
  });

  test.each([
    ["DATABASE_URL", "mysql://x", "DATABASE_URL"],
    ["ENCRYPTION_KEY", "not-hex", "ENCRYPTION_KEY: must be 64 hex characters"],
    ["WEBHOOK_RETRY_SCHEDULE", "5 seconds", "WEBHOOK_RETRY_SCHEDULE"],
    ["WEBHOOK_DISABLE_AFTER_FAILURES", "0", "WEBHOOK_DISABLE_AFTER_FAILURES"],
    ["DELIVERY_RUNNER", "redis", "DELIVERY_RUNNER"],
    ["WEBHOOK_ALLOW_PRIVATE_NETWORKS", "maybe", "WEBHOOK_ALLOW_PRIVATE_NETWORKS"],
  ])("a bad %s stops start-up with a message naming it", (key, value, expected) => {
    expect(() => parseEnv({ [key]: value })).toThrow(expected);
  });

  test("inngest runner is the default when Inngest keys or INNGEST_DEV are set", () => {
    expect(parseEnv({ INNGEST_EVENT_KEY: "k" }).DELIVERY_RUNNER).toBe("inngest");
    expect(parseEnv({ INNGEST_DEV: "1" }).DELIVERY_RUNNER).toBe("inngest");
    expect(parseEnv({ INNGEST_DEV: "1", DELIVERY_RUNNER: "local" }).DELIVERY_RUNNER).toBe("local");
  });
});
