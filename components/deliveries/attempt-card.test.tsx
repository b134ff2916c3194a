// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test } from "vitest";
import { AttemptCard, type AttemptView } from "./attempt-card";
import { ERROR_CLASS_HINTS } from "./error-hints";

const base: AttemptView = {
  id: "att_01",
  attemptNumber: 2,
  trigger: "scheduled",
  request: {
    method: "POST",
    url: "https://hooks.example.com/dlr?x=1",
    headers: { "content-type": "application/json", "X-Api-Key": "••••••", "webhook-id": "dlv_01m8abc" },
    body: '{"id":"evt_1","type":"sms.dlr"}',
  },
  responseStatus: 200,
  responseHeaders: { "content-type": "application/json" },
  responseBody: '{"ok":true}',
  durationMs: 87,
  errorClass: null,
  errorMessage: null,
  createdAt: new Date("2026-11-29T10:15:00Z"),
};

// Every class the sender produces (server/delivery/types.ts), with the label and a piece of the hint.
const CASES: [string, number | null, string, RegExp][] = [
  ["timeout", null, "Timed out", /took longer than the endpoint's timeout/],
  ["dns", null, "DNS lookup failed", /host name in the URL could not be resolved/],
  ["refused", null, "Connection refused", /running and listening on that port/],
  ["tls", null, "TLS error", /valid, unexpired certificate/],
  ["blocked_address", null, "Blocked address", /private, loopback.*SSRF/],
  ["invalid_response", null, "Invalid response", /not a valid HTTP\/1\.1 response/],
  ["network", null, "Network error", /reachable from the internet/],
  ["http_status", 503, "HTTP 503 Service Unavailable", /Your server had an error; its logs should say why/],
];

test("the hints cover every error class", () => {
  expect(Object.keys(ERROR_CLASS_HINTS).sort()).toEqual(CASES.map((c) => c[0]).sort());
});

test.each(CASES)(
  "an attempt that failed with %s shows its label, the message and a hint",
  (errorClass, status, label, hint) => {
    render(
      <AttemptCard
        attempt={{
          ...base,
          errorClass,
          responseStatus: status,
          responseBody: status ? "down" : null,
          errorMessage: `${errorClass} happened`,
        }}
      />,
    );
    const card = screen.getByRole("article", { name: "Attempt 2" });
    const alert = within(card).getByText(label).parentElement!;
    expect(alert).toHaveTextContent(`${errorClass} happened`);
    expect(alert).toHaveTextContent(hint);
  },
);

test("HTTP failures get a hint by status code; a success has no error box", () => {
  const { rerender } = render(
    <AttemptCard
      attempt={{
        ...base,
        errorClass: "http_status",
        responseStatus: 404,
        errorMessage: "404 Not Found from your server",
      }}
    />,
  );
  expect(screen.getByText("HTTP 404 Not Found")).toBeInTheDocument();
  expect(screen.getByText(/check the URL/)).toBeInTheDocument();
  rerender(<AttemptCard attempt={{ ...base, errorClass: "http_status", responseStatus: 401, errorMessage: "401" }} />);
  expect(screen.getByText("HTTP 401 Unauthorized")).toBeInTheDocument();
  rerender(<AttemptCard attempt={base} />);
  expect(screen.queryByRole("status")).toBeNull();
  expect(screen.queryByRole("alert")).toBeNull();
  expect(screen.getByText("200")).toHaveAttribute("title", "200 OK");
  expect(screen.getByText("87 ms")).toBeInTheDocument();
  expect(screen.getByText("Scheduled")).toBeInTheDocument();
  expect(screen.getByLabelText("Response body excerpt").textContent).toBe('{\n  "ok": true\n}');
});

test("the request as sent: method, URL, redacted headers, body, and copy as curl", async () => {
  const user = userEvent.setup();
  render(
    <AttemptCard
      attempt={{
        ...base,
        trigger: "manual",
        responseStatus: null,
        responseHeaders: null,
        responseBody: null,
        errorClass: "timeout",
        errorMessage: "timed out after 5 s",
      }}
    />,
  );
  expect(screen.getByText("Manual retry")).toBeInTheDocument();
  expect(screen.getByText(/No response/)).toBeInTheDocument();
  await user.click(screen.getByRole("tab", { name: "Request sent" }));
  expect(screen.getByTestId("attempt-request-line")).toHaveTextContent("POST https://hooks.example.com/dlr?x=1");
  const panel = screen.getByRole("tabpanel");
  expect(within(panel).getByText("••••••")).toBeInTheDocument();
  expect(screen.getByLabelText("Request body sent").textContent).toContain('"type": "sms.dlr"');
  await user.click(screen.getByRole("button", { name: /Copy as curl/ }));
  expect(await navigator.clipboard.readText()).toBe(
    `curl 'https://hooks.example.com/dlr?x=1' -H 'content-type: application/json' -H 'X-Api-Key: ••••••' -H 'webhook-id: dlv_01m8abc' --data-raw '{"id":"evt_1","type":"sms.dlr"}'`,
  );
});
