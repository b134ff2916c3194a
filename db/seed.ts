import { getDbHandle } from "./index";
import { seedDemo } from "./seed/seed-demo";

async function main() {
  const handle = await getDbHandle();
  const accounts = await seedDemo(handle.db);
  console.log("Demo accounts (password for all: %s):", accounts[0]?.password);
  for (const a of accounts) console.log(`  ${a.role.padEnd(8)} ${a.email.padEnd(24)} ${a.note}`);
  await handle.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
