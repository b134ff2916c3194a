import { describe, expect, test } from "vitest";
import { EnvError, parseDatabaseEnv, parseEnv } from "./env";

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
    const env = parseEnv({
      NODE_ENV: "production",
      AUTH_SECRET: "x".repeat(40),
      ENCRYPTION_KEY: "ab".repeat(32),
      DATABASE_URL: "postgres://u@db/app",
    });
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
    expect(parseEnv({ INNGEST_EVENT_KEY: "k", INNGEST_SIGNING_KEY: "s" }).DELIVERY_RUNNER).toBe("inngest");
    expect(parseEnv({ INNGEST_DEV: "1" }).DELIVERY_RUNNER).toBe("inngest");
    expect(parseEnv({ INNGEST_DEV: "0" }).DELIVERY_RUNNER).toBe("local");
    expect(parseEnv({ INNGEST_DEV: "1", DELIVERY_RUNNER: "local" }).DELIVERY_RUNNER).toBe("local");
  });
});

const SECRETS = { AUTH_SECRET: "x".repeat(40), ENCRYPTION_KEY: "ab".repeat(32) };
const KEYS = { INNGEST_EVENT_KEY: "evt", INNGEST_SIGNING_KEY: "signkey-prod-1" };
const PG = { DATABASE_URL: "postgres://u@db.example.com:5432/app" };

describe("configurations that cannot work are refused, naming the variable", () => {
  test.each<[string, Record<string, string>, string]>([
    [
      "Vercel without a database",
      { VERCEL: "1", NODE_ENV: "production", ...SECRETS, ...KEYS },
      "DATABASE_URL: is required on Vercel",
    ],
    [
      "production without a database",
      { NODE_ENV: "production", ...SECRETS },
      "DATABASE_URL: is required in production",
    ],
    [
      "the inngest runner without keys",
      { DELIVERY_RUNNER: "inngest" },
      "INNGEST_EVENT_KEY: is required for the Inngest runner",
    ],
    ["the inngest runner without a signing key", { INNGEST_EVENT_KEY: "evt" }, "INNGEST_SIGNING_KEY: is required"],
    [
      "the local runner on Vercel",
      { VERCEL: "1", ...PG, ...SECRETS, DELIVERY_RUNNER: "local" },
      "DELIVERY_RUNNER: 'local' cannot run on Vercel",
    ],
    [
      "Vercel without Inngest keys (its default runner)",
      { VERCEL: "1", ...PG, ...SECRETS },
      "INNGEST_SIGNING_KEY: is required",
    ],
  ])("%s", (_name, source, expected) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(expected);
  });

  test("what does work: a single production server on the embedded database chosen explicitly", () => {
    const env = parseEnv({ NODE_ENV: "production", ...SECRETS, PGLITE_DIR: "/var/lib/hookline" });
    expect(env).toMatchObject({ PGLITE_DIR: "/var/lib/hookline", DELIVERY_RUNNER: "local", migrateOnOpen: true });
  });

  test("what does work: Vercel with Postgres and Inngest; production Postgres is never migrated at start", () => {
    const env = parseEnv({ VERCEL: "1", NODE_ENV: "production", ...PG, ...SECRETS, ...KEYS });
    expect(env).toMatchObject({ DELIVERY_RUNNER: "inngest", migrateOnOpen: false });
    expect(parseEnv({ ...PG }).migrateOnOpen).toBe(true); // development: migrated under the lock
  });

  test("the inngest runner with INNGEST_DEV needs no keys", () => {
    expect(parseEnv({ DELIVERY_RUNNER: "inngest", INNGEST_DEV: "1" }).inngestDev).toBe(true);
  });

  test("the migrate script's subset applies the same database refusals and needs no secrets", () => {
    expect(() => parseDatabaseEnv({ VERCEL: "1" })).toThrow("DATABASE_URL: is required on Vercel");
    const env = parseDatabaseEnv({ NODE_ENV: "production", ...PG, DATABASE_URL_UNPOOLED: "postgres://u@direct/app" });
    expect(env.DATABASE_URL_UNPOOLED).toBe("postgres://u@direct/app");
  });
});
