import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

const LOCK_FILE = "hookline.pid";

export class PgliteInUseError extends Error {}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * Claims an embedded database directory for this process. PGlite is single-user: a second
 * process (say `npm run db:seed` beside `npm run dev`) would write to its own copy of the files,
 * which the running app never sees. So the second one is refused with a message instead; a lock
 * left by a process that has died is taken over. Returns the release (on close, and at exit).
 */
export function acquirePgliteLock(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  const release = () => {
    try {
      if (readFileSync(file, "utf8") === String(process.pid)) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  for (let i = 0; i < 2; i++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(readFileSync(file, "utf8").trim());
      if (holder === process.pid) return release;
      if (holder && alive(holder))
        throw new PgliteInUseError(
          `The embedded database in ${dir} is in use by another process (pid ${holder}, e.g. \`npm run dev\` or \`npm start\`). ` +
            "PGlite has one user at a time: stop that process and run this again, or set DATABASE_URL to use Postgres.",
        );
      unlinkSync(file); // stale: its process has exited
    }
  }
  return release;
}
