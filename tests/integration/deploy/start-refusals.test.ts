import { execFile } from "node:child_process";
import { test } from "vitest";

const SECRETS = { AUTH_SECRET: "x".repeat(40), ENCRYPTION_KEY: "ab".repeat(32) };
const KEYS = { INNGEST_EVENT_KEY: "evt", INNGEST_SIGNING_KEY: "signkey-prod-1" };
const PG = { DATABASE_URL: "postgres://postgres@127.0.0.1:5432/hookline_never_opened" };

/**
 * Runs a start-up entry point in a fresh process with exactly `env` (plus PATH/HOME): the server's
 * instrumentation register(), as `next start` and every Vercel cold start run it, or the migrate
 * script. Never anything from this test process's environment.
 */
function run(entry: "server" | "migrate", env: Record<string, string>) {
  const args =
    entry === "server"
      ? ["--import", "tsx", "-e", "import('./instrumentation.ts').then((m) => m.register())"]
      : ["--import", "tsx", "scripts/migrate.ts"];
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    execFile(
      process.execPath,
      args,
      {
        cwd: process.cwd(),
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          NEXT_RUNTIME: "nodejs",
          NODE_ENV: "development",
          ...env,
        },
        timeout: 20_000,
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

test.concurrent.for<[string, "server" | "migrate", Record<string, string>, string[]]>([
  [
    "Vercel without DATABASE_URL",
    "server",
    { VERCEL: "1", NODE_ENV: "production", ...SECRETS, ...KEYS },
    ["DATABASE_URL"],
  ],
  ["production without DATABASE_URL or PGLITE_DIR", "server", { NODE_ENV: "production", ...SECRETS }, ["DATABASE_URL"]],
  [
    "DELIVERY_RUNNER=inngest without keys",
    "server",
    { DELIVERY_RUNNER: "inngest" },
    ["INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"],
  ],
  ["an Inngest event key without the signing key", "server", { INNGEST_EVENT_KEY: "evt" }, ["INNGEST_SIGNING_KEY"]],
  [
    "the local runner on Vercel",
    "server",
    { VERCEL: "1", NODE_ENV: "production", ...PG, ...SECRETS, DELIVERY_RUNNER: "local" },
    ["DELIVERY_RUNNER"],
  ],
  [
    "Vercel without Inngest keys",
    "server",
    { VERCEL: "1", NODE_ENV: "production", ...PG, ...SECRETS },
    ["INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"],
  ],
  ["db:migrate on Vercel without DATABASE_URL", "migrate", { VERCEL: "1" }, ["DATABASE_URL"]],
  [
    "db:migrate through a pooler without DATABASE_URL_UNPOOLED",
    "migrate",
    { DATABASE_URL: "postgres://u@ep-quiet-1234-pooler.eu-central-1.aws.neon.tech/app" },
    ["DATABASE_URL_UNPOOLED"],
  ],
])("%s: exits non-zero naming the variable", async ([, entry, env, names], { expect }) => {
  const { code, output } = await run(entry, env);
  expect(code, output).not.toBe(0);
  for (const name of names) expect(output).toContain(`${name}:`);
});
