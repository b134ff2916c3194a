import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import postgres from "postgres";
import { afterAll, expect, test } from "vitest";
import { openDb } from "@/db/client";
import { closedPort } from "@/tests/helpers/black-hole";

const base = process.env.TEST_DATABASE_URL;
const name = `hookline_start_${randomBytes(6).toString("hex")}`;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const fn of cleanups.reverse()) await fn();
});

/** Forwards 127.0.0.1:port to the test Postgres server: the database "comes back". */
function forward(port: number, to: URL): Promise<{ close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(to.port || 5432), to.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  const close = () => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve({ close })));
}

test.skipIf(!base)(
  "a production server started while its database is down keeps running, retries, and starts once the database answers",
  async () => {
    const admin = postgres(base!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    cleanups.push(async () => {
      const c = postgres(base!, { max: 1, onnotice: () => {} });
      await c.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    });
    const direct = new URL(base!);
    direct.pathname = `/${name}`;
    await (await openDb({ url: direct.toString() })).close(); // the deploy step: migrated beforehand

    const port = await closedPort();
    const viaPort = new URL(direct);
    viaPort.hostname = "127.0.0.1";
    viaPort.port = String(port);
    // The server's start path (instrumentation register()), kept alive as an HTTP server would keep it.
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        "import('./instrumentation.ts').then((m) => m.register()); setInterval(() => {}, 1000);",
      ],
      {
        cwd: process.cwd(),
        env: {
          PATH: process.env.PATH ?? "",
          NEXT_RUNTIME: "nodejs",
          NODE_ENV: "production",
          DATABASE_URL: viaPort.toString(),
          AUTH_SECRET: "x".repeat(40),
          ENCRYPTION_KEY: "ab".repeat(32),
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    cleanups.push(() => void (child.exitCode === null && child.kill("SIGKILL")));
    let output = "";
    child.stdout.on("data", (b: Buffer) => (output += b.toString()));
    child.stderr.on("data", (b: Buffer) => (output += b.toString()));

    const until = async (check: () => boolean, ms: number) => {
      const end = Date.now() + ms;
      while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      expect(check(), output).toBe(true);
    };
    await until(() => output.includes("Start-up could not reach the database"), 15_000);
    await until(() => (output.match(/trying again/g) ?? []).length >= 2, 10_000);
    expect(child.exitCode).toBeNull(); // still running

    const proxy = await forward(port, new URL(base!));
    cleanups.push(() => proxy.close());
    await until(() => output.includes("Database ready (postgres); deliveries run in this process"), 20_000);
    expect(child.exitCode).toBeNull();
    expect(output).not.toContain("lacks"); // migrated by the deploy step, not by the server
  },
  60_000,
);
