import { config as cfg, redactUrl } from "./config";
import { measureSearch, type SearchResult } from "./measure-search";
import { isLoopback, pgliteTarget, postgresAnswers, postgresTarget, type Target } from "./setup-target";

/**
 * `npm run bench:search` (also the last part of `npm run bench`): the Events search on an
 * account with BENCH_SEARCH_EVENTS events (default 1,000,000), on the BENCH_TARGETS databases.
 */
export async function runSearchBench(): Promise<SearchResult[]> {
  const n = cfg.searchEvents;
  const results: SearchResult[] = [];
  const targets: [string, () => Promise<Target>][] = [];
  if (cfg.targets.includes("postgres")) {
    if (isLoopback(cfg.pgUrl) && (await postgresAnswers(cfg.pgUrl)))
      targets.push(["PostgreSQL", () => postgresTarget(cfg.pgUrl)]);
    else console.log(`Search on PostgreSQL skipped: ${redactUrl(cfg.pgUrl)} did not answer.`);
  }
  if (cfg.targets.includes("pglite")) targets.push(["PGlite", pgliteTarget]);
  for (const [name, make] of targets) {
    console.log(`Search on ${name}`);
    const target = await make();
    try {
      results.push(await measureSearch(target.handle, name, n));
    } finally {
      await target.dispose();
    }
  }
  return results;
}

if (process.argv[1]?.endsWith("search.ts")) {
  runSearchBench().then(
    (r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
