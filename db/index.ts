export type { Db, DbOrTx, Tx, DbHandle } from "./client";
export { openDb, queryRows } from "./client";
export { readMigrationStatus, type MigrationStatus } from "./migrate";
