import { Badge } from "@/components/ui/badge";
import { formatCount, formatDateTime } from "@/components/webhooks/labels";

/** The fields of `deliveries.replayProgress` the bar shows. */
export type ReplayProgressData = {
  status: "running" | "finished";
  total: number;
  done: number;
  succeeded: number;
  failed: number;
  inProgress: number;
  remaining: number;
  since: Date | string;
  finishedAt?: Date | string | null;
};

/** done / total as a bar, with succeeded / failed / on their way, and what the limit left out. */
export function ReplayProgress({ progress: p }: { progress: ReplayProgressData }) {
  const percent = p.total === 0 ? 100 : Math.round((p.done / p.total) * 100);
  const finished = p.status === "finished";
  return (
    <div className="space-y-2" data-testid="replay-progress">
      <div className="flex items-center justify-between gap-3 text-sm">
        <span className="font-medium text-slate-900">
          {finished ? "Replay finished" : "Replaying…"} · {formatCount(p.done)} of {formatCount(p.total)} done
        </span>
        <Badge tone={finished ? (p.failed > 0 ? "warning" : "success") : "info"} dot>
          {finished ? "Finished" : "Running"}
        </Badge>
      </div>
      <div
        role="progressbar"
        aria-label="Replay progress"
        aria-valuemin={0}
        aria-valuemax={p.total}
        aria-valuenow={p.done}
        aria-valuetext={`${formatCount(p.done)} of ${formatCount(p.total)} deliveries done`}
        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={
            finished && p.failed > 0 ? "h-full bg-amber-500 transition-all" : "h-full bg-brand-600 transition-all"
          }
          style={{ width: `${percent}%` }}
        />
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
        <li>
          <span className="font-semibold text-emerald-700">{formatCount(p.succeeded)}</span> succeeded
        </li>
        <li>
          <span className="font-semibold text-red-700">{formatCount(p.failed)}</span> failed
        </li>
        {!finished && (
          <li>
            <span className="font-semibold text-slate-800">{formatCount(p.inProgress)}</span> on their way
          </li>
        )}
      </ul>
      {p.remaining > 0 && (
        <p className="text-sm text-amber-800">
          {formatCount(p.remaining)} more failed {p.remaining === 1 ? "delivery was" : "deliveries were"} left for
          another replay (one replay takes at most {formatCount(p.total)}).
        </p>
      )}
      {finished && p.failed > 0 && (
        <p className="text-sm text-slate-600">
          Deliveries that failed again are in the log with their new attempt; fix the cause and replay again.
        </p>
      )}
      {finished && p.finishedAt && <p className="text-xs text-slate-500">Finished {formatDateTime(p.finishedAt)}.</p>}
    </div>
  );
}
