import { describe, expect, it } from "vitest";
import type { SendOutcome } from "@/server/delivery/types";
import { describeOutcome } from "./describe-outcome";

function outcome(overrides: Partial<SendOutcome>): SendOutcome {
  return {
    ok: false,
    status: null,
    headers: {},
    body: "",
    bodyTruncated: false,
    durationMs: 1234,
    errorClass: null,
    errorMessage: null,
    retryAfterMs: null,
    ...overrides,
  };
}

describe("describeOutcome", () => {
  it("says what happened and what to do, in one line", () => {
    const lines = [
      describeOutcome(outcome({ ok: true, status: 200 })),
      describeOutcome(
        outcome({ status: 500, errorClass: "http_status", errorMessage: "500 Internal Server Error from your server" }),
      ),
      describeOutcome(
        outcome({ status: 401, errorClass: "http_status", errorMessage: "401 Unauthorized from your server" }),
      ),
      describeOutcome(
        outcome({
          status: 429,
          errorClass: "http_status",
          errorMessage: "429 Too Many Requests from your server",
          retryAfterMs: 30_000,
        }),
      ),
      describeOutcome(outcome({ errorClass: "timeout", errorMessage: "timed out after 5 s" })),
      describeOutcome(outcome({ errorClass: "dns", errorMessage: "could not resolve host nowhere.test" })),
      describeOutcome(outcome({ errorClass: "refused", errorMessage: "connection refused by 127.0.0.1:4567" })),
      describeOutcome(outcome({ errorClass: "tls", errorMessage: "TLS error with h: certificate has expired" })),
      describeOutcome(outcome({ errorClass: "blocked_address", errorMessage: "address 10.0.0.5 is private" })),
      describeOutcome(outcome({ errorClass: "invalid_response", errorMessage: "invalid HTTP response from h:80: x" })),
      describeOutcome(outcome({ errorClass: "network", errorMessage: "network error reaching h:80: boom" })),
    ];
    expect(lines).toEqual([
      "Delivered: your server answered 200 in 1.2 s.",
      "500 Internal Server Error from your server. Your server had an error; its logs should say why.",
      "401 Unauthorized from your server. Check the credentials in your custom headers or parameters.",
      "429 Too Many Requests from your server. Your server is rate limiting; consider lowering the endpoint's rate limit. It asked to wait 30 s.",
      "Timed out after 5 s. Reply with a 2xx right away and do slow work after responding.",
      "Could not resolve host nowhere.test. Check the host name in the URL.",
      "Connection refused by 127.0.0.1:4567. Check that your server is running and listening on that port.",
      "TLS error with h: certificate has expired. Use a valid certificate from a trusted authority for this host name.",
      "Address 10.0.0.5 is private. Webhooks can only go to public internet addresses.",
      "Invalid HTTP response from h:80: x. Your server must answer with a standard HTTP/1.1 response.",
      "Network error reaching h:80: boom. Check that the URL is reachable from the internet.",
    ]);
    for (const line of lines) expect(line).not.toContain("\n");
  });
});
