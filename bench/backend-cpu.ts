import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { within } from "./util";

export type CpuSample = Map<number, number>; // backend pid → utime + stime, in clock ticks
export type BackendCpu = { seconds: number; backends: number; lostBackends: number };

/**
 * CPU of the Postgres backends serving the bench database, read from /proc/<pid>/stat (the
 * server must run on this machine). Queried over its own connection, which is left out.
 * Background processes (WAL writer, checkpointer) serve every database and are not counted.
 */
export async function openBackendCpuProbe(databaseUrl: string) {
  const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });

  async function sample(): Promise<CpuSample | null> {
    const rows = await within(
      sql<{ pid: number }[]>`select pid from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`,
      10_000,
      "pg_stat_activity",
    );
    const ticks: CpuSample = new Map();
    for (const { pid } of rows) {
      const t = readTicks(pid);
      if (t !== null) ticks.set(pid, t);
    }
    return rows.length && !ticks.size ? null : ticks; // none readable: the server is elsewhere
  }

  return {
    sample,
    /** Backends that exited in between took their CPU with them: counted in lostBackends. */
    diff(before: CpuSample | null, after: CpuSample | null): BackendCpu | null {
      if (!before || !after) return null;
      let ticks = 0;
      for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
      const lostBackends = [...before.keys()].filter((pid) => !after.has(pid)).length;
      return { seconds: ticks / ticksPerSecond, backends: after.size, lostBackends };
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

export type BackendCpuProbe = Awaited<ReturnType<typeof openBackendCpuProbe>>;

function readTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // A server in another pid namespace: the same pid here may be some other process.
    if (stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) !== "postgres") return null;
    // The command name may contain spaces; the fields after it are fixed: utime is 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}
