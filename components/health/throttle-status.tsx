import type { ThrottleView } from "@/server/delivery/throttle/describe-throttle";

const TONE: Record<ThrottleView["state"], string> = {
  off: "bg-slate-50 text-slate-700 ring-slate-200",
  full: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  slowed: "bg-amber-50 text-amber-900 ring-amber-200",
};

/** The Health tab's line on adaptive throttling: the rate sent at now and why. */
export function ThrottleStatus({ throttle }: { throttle: ThrottleView }) {
  return (
    <div role="status" aria-label="Send rate" className={`rounded-md px-3 py-2 text-sm ring-1 ${TONE[throttle.state]}`}>
      <span className="font-medium">Send rate: </span>
      {throttle.summary}
      {throttle.usualResponseMs !== null && throttle.state !== "off" && (
        <span className="text-xs opacity-75"> Usual response time {throttle.usualResponseMs} ms.</span>
      )}
    </div>
  );
}
