import { getDb, type Db } from "@/db";

// Route handlers use the app's database; integration tests point them at their own.
const g = globalThis as unknown as { __hooklineRestDb?: Db | null };

export async function getRestDb(): Promise<Db> {
  return g.__hooklineRestDb ?? getDb();
}

/** Tests only: handlers use `db` until called again with null. */
export function setRestDb(db: Db | null) {
  g.__hooklineRestDb = db;
}
