import type { ErrorClass, SendOutcome } from "@/server/delivery/types";
import { formatDuration } from "./format-duration";

const HINTS: Record<Exclude<ErrorClass, "http_status">, string> = {
  timeout: "Reply with a 2xx right away and do slow work after responding.",
  dns: "Check the host name in the URL.",
  refused: "Check that your server is running and listening on that port.",
  tls: "Use a valid certificate from a trusted authority for this host name.",
  blocked_address: "Webhooks can only go to public internet addresses.",
  invalid_response: "Your server must answer with a standard HTTP/1.1 response.",
  network: "Check that the URL is reachable from the internet.",
};

/** One plain-language line for the UI: what happened, then what the customer can do about it. */
export function describeOutcome(outcome: SendOutcome): string {
  if (outcome.ok) return `Delivered: your server answered ${outcome.status} in ${formatDuration(outcome.durationMs)}.`;
  return `${capitalize(outcome.errorMessage ?? "The request failed")}. ${outcomeAdvice(outcome)}`;
}

/** Only what the customer can do about a failure: for panels whose title already says what happened. */
export function outcomeAdvice(outcome: SendOutcome): string {
  return outcome.errorClass === "http_status" || outcome.errorClass === null
    ? statusHint(outcome.status ?? 0, outcome.retryAfterMs)
    : HINTS[outcome.errorClass];
}

function statusHint(status: number, retryAfterMs: number | null): string {
  if (status >= 300 && status < 400) return "Redirects are not followed: use the final URL.";
  if (status === 401 || status === 403) return "Check the credentials in your custom headers or parameters.";
  if (status === 404) return "Check the URL path.";
  if (status === 405) return "Check which send method (POST, GET, JSON or XML) your server expects.";
  if (status === 410) return "410 Gone tells Hookline to stop: the endpoint is disabled until you re-enable it.";
  if (status === 413) return "Your server refused the payload size.";
  if (status === 429) {
    const wait = retryAfterMs !== null ? ` It asked to wait ${formatDuration(retryAfterMs)}.` : "";
    return `Your server is rate limiting; consider lowering the endpoint's rate limit.${wait}`;
  }
  if (status >= 500) return "Your server had an error; its logs should say why.";
  if (status >= 400) return "Your server refused the request; its response body may say why.";
  return "Only 2xx responses count as delivered.";
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
