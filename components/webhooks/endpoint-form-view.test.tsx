// @vitest-environment jsdom
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test, vi } from "vitest";
import type { EndpointData } from "./contract";
import { newEndpointDefaults } from "./endpoint-defaults";
import { EndpointFormView } from "./endpoint-form-view";

const WABA = [{ id: "wn_1", number: "919876543210", label: "Support line" }];

function setup(overrides: Partial<Parameters<typeof EndpointFormView>[0]> = {}) {
  const onSubmit = vi.fn<(values: EndpointData) => Promise<void>>(async () => {});
  const onTest = vi.fn(async () => ({
    ok: true,
    status: 200,
    statusText: "OK",
    durationMs: 12,
    responseHeaders: { "content-type": "text/plain" },
    responseBody: "ok",
    errorClass: null,
    errorMessage: null,
    hint: null,
    request: { method: "POST", url: "https://example.com/hook", headers: {}, body: "" },
    curl: "curl 'https://example.com/hook'",
  }));
  const user = userEvent.setup();
  render(
    <EndpointFormView
      mode="create"
      defaultValues={newEndpointDefaults()}
      wabaNumbers={WABA}
      onSubmit={onSubmit}
      onTest={onTest}
      {...overrides}
    />,
  );
  return { user, onSubmit, onTest };
}

const reportOptions = () =>
  within(screen.getByLabelText("Webhook Report Type"))
    .getAllByRole("option")
    .map((o) => (o as HTMLOptionElement).value);

/** The error text shown under a field (linked with aria-describedby). */
function fieldError(label: string | RegExp): string | null {
  const input = screen.getByLabelText(label);
  const id = input.getAttribute("aria-describedby");
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}

test("MO is not offered for SMS, and switching back to SMS resets MO to DLR", async () => {
  const { user } = setup();
  expect(reportOptions()).toEqual(["dlr"]);

  await user.selectOptions(screen.getByLabelText("Product"), "whatsapp");
  expect(reportOptions()).toEqual(["dlr", "mo"]);
  await user.selectOptions(screen.getByLabelText("Webhook Report Type"), "mo");
  expect(screen.getByLabelText("Webhook Report Type")).toHaveValue("mo");

  await user.selectOptions(screen.getByLabelText("Product"), "sms");
  expect(reportOptions()).toEqual(["dlr"]);
  expect(screen.getByLabelText("Webhook Report Type")).toHaveValue("dlr");
});

test("the WABA number field appears for WhatsApp only, with a link to Settings", async () => {
  const { user } = setup();
  expect(screen.queryByLabelText("Waba Number")).toBeNull();
  await user.selectOptions(screen.getByLabelText("Product"), "whatsapp");
  const waba = screen.getByLabelText("Waba Number");
  expect(within(waba).getByRole("option", { name: "919876543210 — Support line" })).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Settings" })).toHaveAttribute("href", "/settings");
  await user.selectOptions(screen.getByLabelText("Product"), "sms");
  expect(screen.queryByLabelText("Waba Number")).toBeNull();
});

test("WhatsApp DLR adds Read Time and Status parameters; MO hides the parameter map", async () => {
  const { user } = setup();
  expect(screen.getByLabelText("Transaction ID Parameter")).toHaveValue("transaction_id");
  expect(screen.queryByLabelText("Read Time Parameter")).toBeNull();
  expect(screen.queryByLabelText("Status Parameter")).toBeNull();

  await user.selectOptions(screen.getByLabelText("Product"), "whatsapp");
  expect(screen.getByLabelText("Read Time Parameter")).toHaveValue("read_time");
  expect(screen.getByLabelText("Status Parameter")).toHaveValue("status");
  expect(screen.getByLabelText("Delivered Time Parameter")).toBeInTheDocument();

  await user.selectOptions(screen.getByLabelText("Webhook Report Type"), "mo");
  expect(screen.queryByLabelText("Transaction ID Parameter")).toBeNull();
  expect(screen.queryByText("Required Parameters")).toBeNull();
});

test("shows validation messages under the fields and does not save", async () => {
  const { user, onSubmit } = setup();
  await user.type(screen.getByLabelText("Webhook (URL Endpoint)"), "not a url");

  // Duplicate parameter names.
  const message = screen.getByLabelText("Message ID Parameter");
  await user.clear(message);
  await user.type(message, "transaction_id");

  // A reserved header.
  await user.click(screen.getByLabelText("Add Custom Headers"));
  await user.type(screen.getByLabelText("Header name 1"), "Content-Type");
  await user.type(screen.getByLabelText("Header value 1"), "text/plain");

  await user.click(screen.getByRole("button", { name: "Save" }));

  await waitFor(() => expect(fieldError("Webhook (URL Endpoint)")).toBeTruthy());
  expect(fieldError("Header name 1")).toMatch(/reserved|not allowed|cannot/i);
  const dupError = fieldError("Message ID Parameter") ?? fieldError("Transaction ID Parameter");
  expect(dupError).toMatch(/already|unique|duplicate|used/i);
  expect(screen.getByText("Check the highlighted fields")).toBeInTheDocument();
  expect(screen.getByText("3 fields need attention before this configuration can be used.")).toBeInTheDocument();
  expect(onSubmit).not.toHaveBeenCalled();
});

test("renames a parameter, adds a custom header, tests and saves the values", async () => {
  const { user, onSubmit, onTest } = setup();
  await user.selectOptions(screen.getByLabelText("Product"), "whatsapp");
  await user.selectOptions(screen.getByLabelText("Waba Number"), "919876543210");
  await user.selectOptions(screen.getByLabelText("Webhook Server Send Method"), "XML");
  await user.type(screen.getByLabelText("Webhook (URL Endpoint)"), "https://example.com/hook");
  const txn = screen.getByLabelText("Transaction ID Parameter");
  await user.clear(txn);
  await user.type(txn, "txn");
  await user.click(screen.getByLabelText("Add Custom Headers"));
  await user.type(screen.getByLabelText("Header name 1"), "X-Api-Key");
  await user.type(screen.getByLabelText("Header value 1"), "secret123");

  // The live preview renders the XML with the renamed parameter and the header.
  await waitFor(() =>
    expect(screen.getByLabelText("Request body preview").textContent).toContain("<txn>81934341034091432</txn>"),
  );

  await user.click(screen.getByRole("button", { name: "Test Webhook" }));
  await waitFor(() => expect(onTest).toHaveBeenCalledTimes(1));
  expect(await screen.findByTestId("test-status")).toHaveTextContent("200");

  await user.click(screen.getByRole("button", { name: "Save" }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  const saved = onSubmit.mock.calls[0]![0];
  expect(saved).toMatchObject({
    product: "whatsapp",
    reportType: "dlr",
    method: "XML",
    wabaNumber: "919876543210",
    url: "https://example.com/hook",
    eventTypes: ["whatsapp.dlr"],
    customHeaders: [{ name: "X-Api-Key", value: "secret123" }],
  });
  expect(saved.paramMap).toMatchObject({ transaction_id: "txn", read_time: "read_time", status: "status" });
});

test("server field issues land under their fields", async () => {
  const onSubmit = vi.fn(async () => {
    throw Object.assign(new Error("Invalid input"), {
      data: { issues: [{ path: ["url"], message: "This URL is already used by another webhook" }] },
    });
  });
  const { user } = setup({ onSubmit });
  await user.type(screen.getByLabelText("Webhook (URL Endpoint)"), "https://example.com/hook");
  await user.click(screen.getByRole("button", { name: "Save" }));
  expect(await screen.findByText("This URL is already used by another webhook")).toBeInTheDocument();
});

test("delivery options: ordered on for DLR, latest status only needs it, adaptive throttling on; saved with the form and explained in the preview", async () => {
  const { user, onSubmit } = setup();
  const ordered = screen.getByLabelText("Ordered per message");
  const latest = screen.getByLabelText("Latest status only during a backlog");
  const adaptive = screen.getByLabelText("Adaptive throttling");
  expect(ordered).toBeChecked();
  expect(latest).not.toBeChecked();
  expect(adaptive).toBeChecked();
  const notes = () => within(screen.getByRole("list", { name: "Delivery notes" })).getAllByRole("listitem");
  expect(notes().map((n) => n.textContent)).toEqual([
    expect.stringMatching(/^Ordered per message: a later report for the same message_id/),
    expect.stringMatching(/^Adaptive throttling: 429\/503 answers/),
  ]);

  await user.click(latest);
  expect(notes().some((n) => /^Latest status only/.test(n.textContent ?? ""))).toBe(true);
  // Turning ordering off turns latest status only off with it (it works on each message's queue).
  await user.click(ordered);
  expect(latest).toBeDisabled();
  expect(latest).not.toBeChecked();
  await user.click(ordered);
  await user.click(latest);
  await user.click(adaptive);

  await user.type(screen.getByLabelText("Webhook (URL Endpoint)"), "https://example.com/hook");
  await user.click(screen.getByRole("button", { name: "Save" }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]![0]).toMatchObject({
    orderedDelivery: true,
    latestStatusOnly: true,
    adaptiveThrottle: false,
  });
});
