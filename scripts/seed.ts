import { createApiKey } from "@/server/api-keys/create-api-key";
import { getDbHandle } from "@/server/db";
import { seedDemo } from "./seed/seed-demo";

async function main() {
  const handle = await getDbHandle();
  const accounts = await seedDemo(handle.db);
  console.log("Demo accounts (password for all: %s):", accounts[0]?.password);
  for (const a of accounts) console.log(`  ${a.role.padEnd(8)} ${a.email.padEnd(24)} ${a.note}`);
  // A fresh key per run: keys are stored hashed, so an earlier one cannot be shown again.
  console.log("\nAPI keys (shown once; stored hashed):");
  for (const a of accounts) {
    const key = await createApiKey(
      { db: handle.db, actor: { userId: "seed", accountId: a.accountId, role: a.role } },
      { name: `Seed ${new Date().toISOString().slice(0, 16)}` },
    );
    console.log(`API_KEY ${a.role} ${a.email} ${key.key}`);
  }
  await handle.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
