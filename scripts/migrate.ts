import { getEnv } from "@/server/env";
import { openDb } from "@/db/client";

async function main() {
  const env = getEnv();
  const handle = await openDb({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  console.log(`Migrations applied (${handle.driver}${handle.driver === "pglite" ? `: ${env.PGLITE_DIR}` : ""}).`);
  await handle.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
