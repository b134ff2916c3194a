import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDb, type DbHandle } from "@/db/client";
import { endpoints } from "@/db/schema";
import { signUp } from "@/server/accounts/sign-up";
import { signUpSchema } from "@/server/accounts/schemas";
import { encryptSecret } from "@/server/crypto/secret-box";
import { generateSecret } from "@/server/delivery/sign/generate-secret";
import { getEnv } from "@/server/env";
import { newId } from "@/server/lib/ids";
import { within } from "./util";

/** `url` is the fresh database's own URL (Postgres only). */
export type Target = { name: string; handle: DbHandle; url?: string; dispose: () => Promise<void> };
export type MakeTarget = () => Promise<Target>;

/**
 * PGlite in a directory of its own, as the app runs it (PGLITE_DIR), removed by dispose(). Not
 * `memory://`: its in-memory file system grows a file by copying it whole into one 12.5 % larger,
 * and at 40k deliveries single inserts took 80–180 ms each time a table's file grew (p99 130–
 * 215 ms at 200 events/s, against 10–14 ms in a directory).
 */
export async function pgliteTarget(): Promise<Target> {
  const dir = mkdtempSync(path.join(tmpdir(), "hookline-bench-pglite-"));
  const handle = await within(openDb({ pgliteDir: dir }), 120_000, "PGlite open + migrate");
  return {
    name: "PGlite",
    handle,
    dispose: async () => {
      await within(handle.close(), 30_000, "PGlite close");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The bench sends traffic to 127.0.0.1 only, database included. */
export function isLoopback(url: string) {
  return ["127.0.0.1", "localhost", "[::1]"].includes(new URL(url).hostname);
}

/** Whether the server answers; each Postgres target then gets a fresh database. */
export async function postgresAnswers(baseUrl: string) {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    await within(admin`select 1`, 5_000, "Postgres probe");
    return true;
  } catch {
    return false;
  } finally {
    await admin.end({ timeout: 1 }).catch(() => {});
  }
}

/**
 * A fresh database on the given server, dropped by dispose(), with the app's default pool (10
 * connections). The bench once opened 20: a burst then found every connection busy and opened up
 * to 16 new ones at once, each planning the big statements with cold caches (p99 at 200 events/s
 * 11–117 ms with 20, 23–71 ms with 10, same machine, same minutes).
 */
export async function postgresTarget(baseUrl: string): Promise<Target> {
  const name = `hookline_bench_${randomBytes(4).toString("hex")}`;
  await adminQuery(baseUrl, `create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await within(openDb({ url: url.toString() }), 60_000, "Postgres open + migrate");
  return {
    name: "PostgreSQL",
    handle,
    url: url.toString(),
    dispose: async () => {
      await within(handle.close(), 30_000, "Postgres close");
      await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(baseUrl: string, query: string) {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    await within(admin.unsafe(query), 30_000, query);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** One account with one JSON-envelope endpoint pointing at the receiver; returns its actor. */
export async function seedBenchAccount(
  handle: DbHandle,
  receiverUrl: string,
  opts: { orderedDelivery?: boolean } = {},
) {
  const user = await signUp(
    { db: handle.db },
    signUpSchema.parse({
      fullName: "Bench",
      username: `bench_${randomBytes(3).toString("hex")}`,
      email: `bench_${randomBytes(3).toString("hex")}@example.test`,
      mobileNumber: "919812345678",
      city: "Pune",
      region: "MH",
      country: "India",
      password: "bench-password-1",
    }),
  );
  await handle.db.insert(endpoints).values({
    id: newId("ep"),
    accountId: user.accountId,
    product: "sms",
    reportType: "dlr",
    eventTypes: ["sms.dlr"],
    method: "JSON",
    payloadFormat: "envelope",
    url: receiverUrl,
    secretEnc: encryptSecret(generateSecret(), getEnv().ENCRYPTION_KEY),
    orderedDelivery: opts.orderedDelivery ?? false,
  });
  return { userId: user.userId, accountId: user.accountId, role: user.accountType };
}
