import { ERROR_CLASS_LABELS, statusLine } from "@/components/webhooks/labels";
import type { ErrorClass } from "@/server/delivery/types";

/** For each way an attempt can fail: what it means and what the customer can do about it. */
export const ERROR_CLASS_HINTS: Record<ErrorClass, string> = {
  timeout:
    "Your server took longer than the endpoint's timeout to answer, so the attempt was abandoned. Reply with a 2xx right away and do slow work after responding (or raise the timeout, up to 30 s).",
  dns: "The host name in the URL could not be resolved. Check it for typos and that its DNS record exists publicly.",
  refused:
    "Nothing accepted the connection at that address and port. Check that your server is running and listening on that port, and that a firewall lets it through.",
  tls: "The secure connection could not be set up. Use a valid, unexpired certificate from a trusted authority that matches this host name, with the full chain.",
  http_status: "Your server answered, but not with a 2xx. Only 2xx responses count as delivered.",
  blocked_address:
    "The host resolves to a private, loopback, link-local or otherwise internal address, which webhooks may not reach (SSRF protection). Use a public address.",
  invalid_response:
    "Your server's answer was not a valid HTTP/1.1 response. Check any proxy in front of it and that it answers with a standard status line and headers.",
  network:
    "The connection failed part-way (reset or closed early). Check that the URL is reachable from the internet and that your server does not drop the connection.",
};

/** A hint for a non-2xx answer, by status code. */
function statusHint(status: number): string {
  if (status >= 300 && status < 400) return "Redirects are not followed: use the final URL.";
  if (status === 401 || status === 403)
    return "Your server refused our credentials: check the custom headers or parameters it expects, and your signature check.";
  if (status === 404) return "Your server does not know this path: check the URL.";
  if (status === 405) return "Your server does not accept this method: check the send method (POST, GET, JSON or XML).";
  if (status === 410) return "410 Gone tells Hookline to stop: the endpoint is disabled until you re-enable it.";
  if (status === 413) return "Your server refused the payload size.";
  if (status === 429)
    return "Your server is rate limiting: consider lowering the endpoint's rate limit. Its Retry-After is honoured.";
  if (status >= 500) return "Your server had an error; its logs should say why.";
  if (status >= 400) return "Your server refused the request; its response body may say why.";
  return ERROR_CLASS_HINTS.http_status;
}

/** Label and hint for a failed attempt; null when it succeeded. */
export function describeAttemptError(attempt: {
  errorClass: string | null;
  responseStatus: number | null;
}): { label: string; hint: string } | null {
  const { errorClass, responseStatus } = attempt;
  const ok = responseStatus !== null && responseStatus >= 200 && responseStatus < 300;
  if (!errorClass && ok) return null;
  if ((errorClass === "http_status" || !errorClass) && responseStatus !== null) {
    return { label: `HTTP ${statusLine(responseStatus)}`, hint: statusHint(responseStatus) };
  }
  const known = errorClass && errorClass in ERROR_CLASS_HINTS ? (errorClass as ErrorClass) : null;
  return {
    label: (errorClass && ERROR_CLASS_LABELS[errorClass]) ?? "Failed",
    hint: known ? ERROR_CLASS_HINTS[known] : "The request failed; the message above says how.",
  };
}
