import { sampleEvent } from "@/server/events/catalog";
import { startBenchReceiver } from "./bench-receiver";
import { config as cfg, redactUrl } from "./config";
import { measureOrdering, orderingTable, type OrderingResult } from "./measure-ordering";
import { measureTarget, type TargetResult } from "./measure-target";
import { markdownTable, writeReport } from "./report";
import { runSearchBench } from "./search";
import { isLoopback, pgliteTarget, postgresAnswers, postgresTarget } from "./setup-target";

/**
 * `npm run bench`: ingestion → local runner → a receiver on 127.0.0.1, on PGlite and on Postgres
 * (BENCH_DATABASE_URL, or the local server when it answers). Throughput is given as a ratio to a
 * bare undici loop measured in the same process between the engine runs, so it compares across
 * machines. See config.ts for the settings; BENCH_QUICK=1 is a smoke test of the harness.
 */
async function main() {
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${cfg.maxMinutes} min (BENCH_MAX_MINUTES); stopped.`);
    process.exit(2);
  }, cfg.maxMinutes * 60_000);
  watchdog.unref();

  const receiver = await startBenchReceiver();
  // The ceiling's body: the same envelope the endpoint gets, so both send the same bytes.
  const body = JSON.stringify({
    id: "evt_0000000000000000000000",
    type: "sms.dlr",
    timestamp: new Date().toISOString(),
    data: sampleEvent("sms.dlr").data,
  });
  const notes: string[] = [];
  const results: TargetResult[] = [];
  const ordering: OrderingResult[] = [];
  const engine = cfg.scenarios.includes("engine");
  const orderingOn = cfg.scenarios.includes("ordering");
  try {
    if (cfg.targets.includes("pglite")) {
      console.log(`PGlite (in-process)${cfg.quick ? " — quick mode" : ""}`);
      if (engine) results.push(await measureTarget(pgliteTarget, receiver, cfg, body, cfg.backlog));
      if (orderingOn) ordering.push(await measureOrdering(pgliteTarget, cfg));
    }
    if (!cfg.targets.includes("postgres")) notes.push("PostgreSQL not run (BENCH_TARGETS).");
    else if (!isLoopback(cfg.pgUrl)) notes.push(`PostgreSQL skipped: ${redactUrl(cfg.pgUrl)} is not on 127.0.0.1.`);
    else if (!(await postgresAnswers(cfg.pgUrl)))
      notes.push(`PostgreSQL skipped: ${redactUrl(cfg.pgUrl)} did not answer.`);
    else {
      console.log("PostgreSQL");
      const make = () => postgresTarget(cfg.pgUrl);
      if (engine) results.push(await measureTarget(make, receiver, cfg, body, cfg.pgBacklog));
      if (orderingOn) ordering.push(await measureOrdering(make, cfg));
    }
  } finally {
    await receiver.close();
  }
  // "Find any message": the Events search on an account with BENCH_SEARCH_EVENTS events.
  for (const r of await runSearchBench())
    notes.push(
      `Search on ${r.target}, ${r.events.toLocaleString("en")} events: ` +
        r.searches.map((s) => `${s.kind} ${s.medianMs} ms (p95 ${s.p95Ms})`).join(", "),
    );
  notes.push(
    "Node CPU includes the in-process receiver; the ceiling row is that cost for a bare request.",
    "PGlite runs inside Node: its database CPU is in the Node figure.",
    "Drain RSS is the runner's own process (forked: ingestion, runner, database client; for PGlite, the database), after a full GC.",
    "Postgres CPU is the backends of the bench database (/proc utime+stime), not the WAL writer or checkpointer.",
  );
  for (const note of notes) console.log(note);

  const file = writeReport(cfg, results, notes, ordering);
  if (results.length) console.log(`\n${markdownTable(results)}`);
  if (ordering.length) console.log(`\n${orderingTable(ordering)}`);
  console.log(`\nWritten to ${file}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
