const DEFAULT_SCHEDULE = "0s,5s,5m,30m,2h,5h,10h,10h";

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** `0s,5s,5m` → delays in ms before each attempt; its length is the number of attempts. */
export function parseSchedule(spec: string = DEFAULT_SCHEDULE): number[] {
  return spec.split(",").map((part) => {
    const m = /^\s*(\d+)(ms|s|m|h)\s*$/.exec(part);
    if (!m) throw new Error(`Bad retry schedule entry '${part}'`);
    return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
  });
}
