import { z } from "zod";

/**
 * The only reader of process.env. Parsed once; a bad value stops start-up with a message that
 * names the variable. Secrets have development defaults outside production (with one warning).
 */
const boolish = z.enum(["true", "false", "1", "0", ""]).transform((v) => v === "true" || v === "1");

const DEV_AUTH_SECRET = "hookline-dev-auth-secret-do-not-use-in-production";
const DEV_ENCRYPTION_KEY = "0".repeat(63) + "1";

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL");

/** A flag such as VERCEL=1 or INNGEST_DEV=1 (or a dev server URL); "0" and "false" mean off. */
const isOn = (value: string | undefined) => value !== undefined && value !== "" && !["0", "false"].includes(value);

/** The variables that choose and reach the database; the migrate script needs only these. */
const databaseShape = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Set by Vercel in its builds and functions. */
  VERCEL: z.string().optional(),
  DATABASE_URL: postgresUrl.optional(),
  /** A direct connection for migrations (the name Vercel's Neon integration sets). */
  DATABASE_URL_UNPOOLED: postgresUrl.optional(),
  /** DATABASE_URL goes through a transaction-mode pooler: no prepared statements. Default: detected. */
  DATABASE_POOLED: boolish.optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).optional(),
  // Unset: ./.data/pglite outside production; in production only when chosen explicitly.
  PGLITE_DIR: z.string().min(1).optional(),
};

type DatabaseVars = z.output<z.ZodObject<typeof databaseShape>>;

/** Refusals shared by the app and the migrate script: configurations that cannot work. */
function checkDatabase(v: DatabaseVars, ctx: z.RefinementCtx) {
  if (v.DATABASE_URL) return;
  if (isVercel(v))
    ctx.addIssue({
      code: "custom",
      path: ["DATABASE_URL"],
      message:
        "is required on Vercel (VERCEL=1): the embedded database cannot live on a serverless file system. Add a Postgres database (Neon, Supabase, …) and set DATABASE_URL",
    });
  else if (v.NODE_ENV === "production" && !v.PGLITE_DIR)
    ctx.addIssue({
      code: "custom",
      path: ["DATABASE_URL"],
      message:
        "is required in production (a postgres:// URL). To run the embedded database on a single server on purpose, set PGLITE_DIR to a writable directory instead",
    });
}

const isVercel = (v: { VERCEL?: string }) => isOn(v.VERCEL);

const schema = z
  .object({
    ...databaseShape,
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
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
    SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    SIGN_IN_MAX_FAILURES_PER_CLIENT: z.coerce.number().int().min(1).max(10_000).default(20),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL, e.g. smtps://user:pass@smtp.example.com:465")
      .optional(),
    MAIL_FROM: z.string().min(3).max(200).default("Hookline <no-reply@hookline.local>"),
  })
  .superRefine((v, ctx) => {
    checkDatabase(v, ctx);
    const runner = chooseRunner(v);
    if (runner === "inngest" && !isOn(v.INNGEST_DEV)) {
      for (const key of ["INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"] as const)
        if (!v[key])
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: `is required for the Inngest runner${v.DELIVERY_RUNNER ? " (DELIVERY_RUNNER=inngest)" : isVercel(v) ? " (the runner on Vercel)" : ""}: install the Inngest integration, or set INNGEST_DEV=1 to use a local Inngest dev server`,
          });
    }
    if (runner === "local" && isVercel(v))
      ctx.addIssue({
        code: "custom",
        path: ["DELIVERY_RUNNER"],
        message:
          "'local' cannot run on Vercel (VERCEL=1): functions stop between requests, so nothing would send the webhooks. Use the Inngest runner (install the Inngest integration; it sets INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY)",
      });
    if (v.NODE_ENV !== "production") return;
    for (const key of ["AUTH_SECRET", "ENCRYPTION_KEY"] as const) {
      if (!v[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required in production" });
    }
  });

/**
 * The runner unless DELIVERY_RUNNER says: Inngest when its keys or INNGEST_DEV are set, and
 * always on Vercel (the local runner needs a long-lived process); else the in-process runner.
 */
function chooseRunner(v: {
  DELIVERY_RUNNER?: "local" | "inngest";
  INNGEST_EVENT_KEY?: string;
  INNGEST_SIGNING_KEY?: string;
  INNGEST_DEV?: string;
  VERCEL?: string;
}): "local" | "inngest" {
  if (v.DELIVERY_RUNNER) return v.DELIVERY_RUNNER;
  return v.INNGEST_EVENT_KEY || v.INNGEST_SIGNING_KEY || isOn(v.INNGEST_DEV) || isVercel(v) ? "inngest" : "local";
}

type Env = ReturnType<typeof finish>;

function finish(v: z.output<typeof schema>) {
  const production = v.NODE_ENV === "production";
  return {
    ...v,
    ...finishDatabase(v),
    AUTH_SECRET: v.AUTH_SECRET ?? DEV_AUTH_SECRET,
    ENCRYPTION_KEY: (v.ENCRYPTION_KEY ?? DEV_ENCRYPTION_KEY).toLowerCase(),
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: v.WEBHOOK_ALLOW_PRIVATE_NETWORKS ?? !production,
    DELIVERY_RUNNER: chooseRunner(v),
    inngestDev: isOn(v.INNGEST_DEV),
    usingDevSecrets: !v.AUTH_SECRET || !v.ENCRYPTION_KEY,
  };
}

function finishDatabase(v: DatabaseVars) {
  return {
    onVercel: isVercel(v),
    PGLITE_DIR: v.PGLITE_DIR ?? DEFAULT_PGLITE_DIR,
    /** Connections per process: fewer on Vercel, where every function instance has its own pool. */
    DATABASE_POOL_MAX: v.DATABASE_POOL_MAX ?? (isVercel(v) ? 5 : undefined),
    /**
     * Whether the app applies migrations when it opens the database. The embedded database is
     * owned by one process, so it does; a production Postgres never does at start-up (several
     * instances would race, and a cold start would pay for it): `npm run db:migrate` is a deploy step.
     */
    migrateOnOpen: !v.DATABASE_URL || v.NODE_ENV !== "production",
  };
}

const DEFAULT_PGLITE_DIR = "./.data/pglite";

export class EnvError extends Error {}

/** Pure: parse a given environment. Throws EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(clean(source));
  if (!result.success) throw toEnvError(result.error);
  return finish(result.data);
}

/** Pure: only the database variables, with the same refusals (the migrate script needs no secrets). */
export function parseDatabaseEnv(source: Record<string, string | undefined>) {
  const result = z.object(databaseShape).superRefine(checkDatabase).safeParse(clean(source));
  if (!result.success) throw toEnvError(result.error);
  return { ...result.data, ...finishDatabase(result.data) };
}

// Empty strings mean "unset" (a blank line in .env should not fail validation).
const clean = (source: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));

function toEnvError(error: z.ZodError): EnvError {
  const lines = error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
  return new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
}

let cached: Env | undefined;
const g = globalThis as unknown as { __hooklineEnvWarned?: boolean };

// `next build` runs with NODE_ENV=production (and VERCEL=1 on Vercel) but must not need run-time
// configuration: the build never serves a request, and the server checks again when it starts
// (instrumentation.ts).
const BUILD_PHASE = "phase-production-build";

export function getEnv(): Env {
  if (!cached) {
    const source =
      process.env.NEXT_PHASE === BUILD_PHASE
        ? { ...process.env, NODE_ENV: "development", VERCEL: undefined }
        : process.env;
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
