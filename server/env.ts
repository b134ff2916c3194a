import { z } from "zod";

/**
 * The only reader of process.env. Parsed once; a bad value stops start-up with a message that
 * names the variable. Secrets have development defaults outside production (with one warning).
 */
const boolish = z.enum(["true", "false", "1", "0", ""]).transform((v) => v === "true" || v === "1");

const DEV_AUTH_SECRET = "hookline-dev-auth-secret-do-not-use-in-production";
const DEV_ENCRYPTION_KEY = "0".repeat(63) + "1";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    PGLITE_DIR: z.string().min(1).default("./.data/pglite"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    // Read by next-auth itself; validated here so a typo fails at start-up.
    NEXTAUTH_URL: z.url().optional(),
    // Same meaning (Auth.js name). With neither, the public URL comes from each request.
    AUTH_URL: z.url().optional(),
    ENCRYPTION_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, "must be 64 hex characters (32 bytes), e.g. `openssl rand -hex 32`")
      .optional(),
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: boolish.optional(),
    WEBHOOK_RETRY_SCHEDULE: z
      .string()
      .regex(/^\s*\d+(ms|s|m|h)(\s*,\s*\d+(ms|s|m|h))*\s*$/, "must be a comma list like 0s,5s,5m,30m,2h")
      .optional(),
    WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).max(10_000).default(20),
    WEBHOOK_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(1_000).default(10),
    DELIVERY_RUNNER: z.enum(["local", "inngest"]).optional(),
    INNGEST_EVENT_KEY: z.string().min(1).optional(),
    INNGEST_SIGNING_KEY: z.string().min(1).optional(),
    INNGEST_DEV: z.string().optional(),
    // Read by the Inngest SDK itself (self-hosted `inngest start`); validated here.
    INNGEST_BASE_URL: z.url().optional(),
    // Email (alerts): SMTP when set, else .eml files in MAIL_DIR (server/mail/mailer.ts).
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Hookline <alerts@hookline.local>"),
    MAIL_DIR: z.string().min(1).default("./.data/mail"),
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
    SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  })
  .superRefine((v, ctx) => {
    if (v.NODE_ENV !== "production") return;
    for (const key of ["AUTH_SECRET", "ENCRYPTION_KEY"] as const) {
      if (!v[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required in production" });
    }
  });

type Env = ReturnType<typeof finish>;

function finish(v: z.output<typeof schema>) {
  const production = v.NODE_ENV === "production";
  const runner = v.DELIVERY_RUNNER ?? (v.INNGEST_EVENT_KEY || v.INNGEST_DEV ? "inngest" : "local");
  return {
    ...v,
    AUTH_SECRET: v.AUTH_SECRET ?? DEV_AUTH_SECRET,
    ENCRYPTION_KEY: (v.ENCRYPTION_KEY ?? DEV_ENCRYPTION_KEY).toLowerCase(),
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: v.WEBHOOK_ALLOW_PRIVATE_NETWORKS ?? !production,
    DELIVERY_RUNNER: runner,
    usingDevSecrets: !v.AUTH_SECRET || !v.ENCRYPTION_KEY,
  };
}

export class EnvError extends Error {}

/** Pure: parse a given environment. Throws EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset" (a blank line in .env should not fail validation).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return finish(result.data);
}

let cached: Env | undefined;
const g = globalThis as unknown as { __hooklineEnvWarned?: boolean };

// `next build` runs with NODE_ENV=production but must not need run-time secrets: the build
// never serves a request, and `next start` checks them again at start-up (instrumentation.ts).
const BUILD_PHASE = "phase-production-build";

export function getEnv(): Env {
  if (!cached) {
    const source = process.env.NEXT_PHASE === BUILD_PHASE ? { ...process.env, NODE_ENV: "development" } : process.env;
    cached = parseEnv(source);
    if (
      cached.usingDevSecrets &&
      !g.__hooklineEnvWarned &&
      cached.NODE_ENV !== "test" &&
      process.env.NEXT_PHASE !== BUILD_PHASE
    ) {
      g.__hooklineEnvWarned = true;
      console.warn(
        "[hookline] AUTH_SECRET / ENCRYPTION_KEY not set: using development defaults. Never do this in production.",
      );
    }
  }
  return cached;
}
