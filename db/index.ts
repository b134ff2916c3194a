export type { Db, DbOrTx, Tx, DbHandle } from "./client";
export { openDb, queryRows } from "./client";
export { isPooledUrl } from "./connection-options";
export { readMigrationStatus, type MigrationStatus } from "./migrate";
