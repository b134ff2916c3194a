import { EnvError, getEnv } from "./server/env";

/**
 * Fails fast on a configuration that cannot work (exit 1 with a message naming the variable),
 * then starts the server's background work without waiting for it: a database that is
 * unreachable at this moment is retried, never fatal (GET /api/health reports it meanwhile), and
 * production never migrates here (`npm run db:migrate` is a deploy step).
 */
try {
  getEnv();
} catch (err) {
  if (!(err instanceof EnvError)) throw err;
  console.error(`\n[hookline] ${err.message}\n[hookline] Set these variables (see .env.example) and start again.\n`);
  process.exit(1);
}
const { startServer } = await import("./server/start-server");
startServer();
