import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDb, type DbHandle } from "@/db/client";
import { endpoints } from "@/db/schema";
import { signUp } from "@/server/accounts/sign-up";
import { signUpSchema } from "@/server/accounts/schemas";
import { encryptSecret } from "@/server/crypto/secret-box";
import { generateSecret } from "@/server/delivery/sign/generate-secret";
import { getEnv } from "@/server/env";
import { newId } from "@/server/lib/ids";

export type Target = { name: string; handle: DbHandle; dispose: () => Promise<void> };

export async function pgliteTarget(): Promise<Target> {
  const handle = await openDb({ pgliteDir: "memory://" });
  return { name: "PGlite (in-process)", handle, dispose: () => handle.close() };
}

/** A fresh database on the given server, dropped afterwards. Null when the server does not answer. */
export async function postgresTarget(baseUrl: string): Promise<Target | null> {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  const name = `hookline_bench_${randomBytes(4).toString("hex")}`;
  try {
    await admin.unsafe(`create database ${name}`);
  } catch {
    await admin.end().catch(() => {});
    return null;
  }
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString(), max: 20 });
  return {
    name: "PostgreSQL",
    handle,
    dispose: async () => {
      await handle.close();
      const drop = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await drop.unsafe(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

/** One account with one JSON-envelope endpoint pointing at the receiver. */
export async function seedBenchAccount(handle: DbHandle, receiverUrl: string) {
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
  });
  return user.accountId;
}
