import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

let server: ChildProcess | undefined;
let dataDir: string | undefined;

/** Starts `next start` on a free port with its own PGlite directory; tests read E2E_BASE_URL. */
export default async function setup(project: TestProject) {
  const port = Number(process.env.E2E_PORT ?? 3100);
  dataDir = mkdtempSync(path.join(tmpdir(), "hookline-e2e-"));
  const baseUrl = `http://127.0.0.1:${port}`;
  server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PGLITE_DIR: path.join(dataDir, "pglite"),
      MAIL_DIR: path.join(dataDir, "mail"),
      DATABASE_URL: "",
      AUTH_SECRET: "e2e-auth-secret-e2e-auth-secret-e2e-auth-secret",
      ENCRYPTION_KEY: "ab".repeat(32),
      NEXTAUTH_URL: baseUrl,
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
      WEBHOOK_RETRY_SCHEDULE: "0s,1s,1s",
      DELIVERY_RUNNER: "local",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  server.stdout?.on("data", (d) => (log += d));
  server.stderr?.on("data", (d) => (log += d));
  await waitForServer(`${baseUrl}/sign-in`, () => log);
  project.provide("baseUrl", baseUrl);
  return async () => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

async function waitForServer(url: string, log: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (server?.exitCode !== null) throw new Error(`next start exited early:\n${log()}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`next start did not answer on ${url}:\n${log()}`);
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
