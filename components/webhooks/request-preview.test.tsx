// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test } from "vitest";
import { RequestPreview } from "./request-preview";
import { TestResultPanel, type WebhookTestResult } from "./test-result-panel";

test("the preview renders the exact XML with renamed parameters, custom headers and a curl command", async () => {
  const user = userEvent.setup();
  render(
    <RequestPreview
      eventTypes={["whatsapp.dlr"]}
      config={{
        url: "https://hooks.example.com/dlr",
        method: "XML",
        payloadFormat: "mapped",
        paramMap: { transaction_id: "txn", read_time: "seen_at" },
        customParams: [{ key: "tenant", value: "acme & co" }],
        customHeaders: [{ name: "X-Api-Key", value: "secret123" }],
        wabaNumber: "911234567890",
      }}
    />,
  );
  expect(screen.getByTestId("preview-request-line")).toHaveTextContent("POST https://hooks.example.com/dlr");
  const body = screen.getByLabelText("Request body preview");
  expect(body).toHaveTextContent("<txn>81934341034091432</txn>");
  expect(body).toHaveTextContent("<seen_at>");
  expect(body).toHaveTextContent("<waba_number>911234567890</waba_number>");
  expect(body).toHaveTextContent("<tenant>acme &amp; co</tenant>");
  expect(body.textContent).not.toContain("<transaction_id>");

  await user.click(screen.getByRole("tab", { name: "Headers" }));
  const headers = screen.getByRole("tabpanel");
  expect(within(headers).getByText("X-Api-Key")).toBeInTheDocument();
  expect(within(headers).getByText("application/xml")).toBeInTheDocument();
  expect(within(headers).getByText("webhook-signature")).toBeInTheDocument();

  await user.click(screen.getByRole("tab", { name: "cURL" }));
  expect(screen.getByLabelText("curl command")).toHaveTextContent(
    "curl 'https://hooks.example.com/dlr' -H 'content-type: application/xml'",
  );
  await user.click(screen.getByRole("button", { name: /Copy as curl/ }));
  expect(await navigator.clipboard.readText()).toMatch(
    /^curl 'https:\/\/hooks\.example\.com\/dlr'.*X-Api-Key: secret123/,
  );
});

test("GET puts the fields in the query string; several event types get a sample selector", async () => {
  const user = userEvent.setup();
  render(
    <RequestPreview
      eventTypes={["sms.dlr", "link.click"]}
      config={{ url: "", method: "GET", payloadFormat: "mapped", paramMap: { mobile: "msisdn" } }}
    />,
  );
  const line = screen.getByTestId("preview-request-line");
  expect(line).toHaveTextContent("GET ⟨your webhook URL⟩?transaction_id=");
  expect(line).toHaveTextContent("msisdn=919812345678");
  expect(screen.getByText(/GET requests have no body/)).toBeInTheDocument();
  await user.selectOptions(screen.getByLabelText("Sample event"), "link.click");
  expect(screen.getByTestId("preview-request-line")).toHaveTextContent("click_id=clk_9f2c71");
});

const base: WebhookTestResult = {
  ok: true,
  status: 200,
  durationMs: 42,
  responseHeaders: { "content-type": "application/json" },
  responseBody: '{"received":true}',
  errorClass: null,
  errorMessage: null,
  hint: null,
  request: {
    method: "POST",
    url: "https://hooks.example.com/dlr",
    headers: { "content-type": "application/xml" },
    body: "<webhook/>",
  },
  curl: "curl 'https://hooks.example.com/dlr'",
};

test("the test panel shows the status line, duration and pretty body of a success", () => {
  render(<TestResultPanel result={base} />);
  expect(screen.getByRole("heading", { name: "Webhook Test Response" })).toBeInTheDocument();
  expect(screen.getByTestId("test-status")).toHaveTextContent("200 OK");
  expect(screen.getByText("in 42 ms")).toBeInTheDocument();
  expect(screen.getByText("Succeeded")).toBeInTheDocument();
  expect(screen.getByLabelText("Response body content").textContent).toBe('{\n  "received": true\n}');
});

test("the test panel explains failures in plain language", () => {
  const { rerender } = render(
    <TestResultPanel
      result={{
        ...base,
        ok: false,
        status: 404,
        responseBody: "nope",
        errorClass: "http_status",
        errorMessage: "404 Not Found from your server",
        hint: "Check the URL path.",
      }}
    />,
  );
  expect(screen.getByTestId("test-status")).toHaveTextContent("404 Not Found");
  expect(screen.getByText("404 Not Found from your server")).toBeInTheDocument();
  expect(screen.getByText("Check the URL path.")).toBeInTheDocument();

  rerender(
    <TestResultPanel
      result={{
        ...base,
        ok: false,
        status: null,
        durationMs: 5003,
        responseHeaders: {},
        responseBody: "",
        errorClass: "timeout",
        errorMessage: "timed out after 5 s",
        hint: "Reply with a 2xx right away.",
      }}
    />,
  );
  expect(screen.getByTestId("test-status")).toHaveTextContent("Timed out");
  expect(screen.getByRole("alert")).toHaveTextContent("Timed out after 5 s");
  expect(screen.getByText("in 5 s")).toBeInTheDocument();

  rerender(<TestResultPanel result={null} pending />);
  expect(screen.getByText("Sending a sample event…")).toBeInTheDocument();
});
