// @vitest-environment jsdom
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test, vi } from "vitest";
import { catalog, INGESTIBLE_EVENT_TYPES } from "@/server/events/catalog";
import { SendSampleForm } from "./send-sample-form";
import type { SampleEndpoint } from "./send-sample-logic";

const types = INGESTIBLE_EVENT_TYPES.map((type) => ({
  type,
  label: catalog[type].label,
  description: catalog[type].description,
  sample: catalog[type].sample,
}));
const endpoints: SampleEndpoint[] = [
  { id: "ep_1", url: "https://a.example.com/dlr", status: "active", eventTypes: ["sms.dlr"], wabaNumber: null },
  {
    id: "ep_2",
    url: "https://a.example.com/paused",
    status: "paused",
    eventTypes: ["sms.dlr", "link.click"],
    wabaNumber: null,
  },
  {
    id: "ep_3",
    url: "https://a.example.com/wa-other",
    status: "active",
    eventTypes: ["whatsapp.dlr"],
    wabaNumber: "911111111111",
  },
];

function setup(onSubmit = vi.fn(async () => ({ id: "evt_1" }))) {
  const user = userEvent.setup();
  render(<SendSampleForm types={types} endpoints={endpoints} onSubmit={onSubmit} onCancel={() => {}} />);
  return { user, onSubmit, payload: () => screen.getByLabelText("Payload (data)") as HTMLTextAreaElement };
}

/** The error text linked to a field with aria-describedby. */
const fieldError = (el: HTMLElement) =>
  document.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent ?? null;

test("picking a type shows its catalog sample as editable JSON and who will receive it", async () => {
  const { user, payload } = setup();
  expect(JSON.parse(payload().value)).toEqual(catalog["sms.dlr"].sample);
  const receivers = screen.getByRole("region", { name: "Receiving endpoints" });
  expect(receivers).toHaveTextContent("Will be delivered to 2 endpoints");
  expect(receivers).toHaveTextContent("https://a.example.com/dlr");
  expect(within(receivers).getByText("Paused — waits until resumed")).toBeInTheDocument();

  await user.selectOptions(screen.getByLabelText("Event type"), "sms.mo");
  expect(JSON.parse(payload().value)).toEqual(catalog["sms.mo"].sample);
  expect(screen.getByRole("region", { name: "Receiving endpoints" })).toHaveTextContent(
    "No active endpoint is subscribed to sms.mo",
  );
  expect(screen.getByRole("link", { name: "Add a webhook" })).toHaveAttribute("href", "/webhooks/new");

  // WhatsApp: an endpoint bound to another WABA number does not get it, and the dialog says why.
  await user.selectOptions(screen.getByLabelText("Event type"), "whatsapp.dlr");
  expect(screen.getByRole("region", { name: "Receiving endpoints" })).toHaveTextContent(
    "No active endpoint subscribed to whatsapp.dlr uses WABA number 919876543210. Your whatsapp.dlr endpoints use 911111111111",
  );
  expect(screen.queryByRole("link", { name: "Add a webhook" })).toBeNull();
  // Putting the endpoint's number in the payload routes it there.
  const edited = { ...catalog["whatsapp.dlr"].sample, waba_number: "911111111111" };
  await user.clear(payload());
  await user.click(payload());
  await user.paste(JSON.stringify(edited));
  expect(screen.getByRole("region", { name: "Receiving endpoints" })).toHaveTextContent(
    "https://a.example.com/wa-other",
  );
  expect(screen.queryByRole("option", { name: /user\.signup|endpoint\./ })).toBeNull();
});

test("invalid JSON is reported next to the payload and nothing is sent", async () => {
  const { user, onSubmit, payload } = setup();
  await user.clear(payload());
  await user.click(payload());
  await user.paste("{ not json");
  await user.click(screen.getByRole("button", { name: "Send event" }));
  expect(fieldError(payload())).toMatch(/^Invalid JSON: /);
  expect(payload()).toHaveAttribute("aria-invalid", "true");
  expect(onSubmit).not.toHaveBeenCalled();

  await user.clear(payload());
  await user.click(payload());
  await user.paste("[1]");
  await user.click(screen.getByRole("button", { name: "Send event" }));
  expect(fieldError(payload())).toBe("The payload must be a JSON object ({ … }).");
  expect(onSubmit).not.toHaveBeenCalled();
});

test("the server's issues appear next to the fields; the edited data is what is sent", async () => {
  const error = Object.assign(new Error("2 problems in the events"), {
    data: {
      issues: [
        { path: ["data", "mobile"], message: "must be digits with country code (e.g. 919812345678)" },
        { path: ["data", "status"], message: "Invalid option" },
      ],
    },
  });
  const onSubmit = vi.fn().mockRejectedValueOnce(error).mockResolvedValueOnce({ id: "evt_1" });
  const { user, payload } = setup(onSubmit);
  await user.clear(payload());
  await user.click(payload());
  await user.paste(JSON.stringify({ ...catalog["sms.dlr"].sample, mobile: "abc", status: "lost" }));
  await user.click(screen.getByRole("button", { name: "Send event" }));
  await waitFor(() => expect(fieldError(payload())).toContain("mobile: must be digits with country code"));
  expect(fieldError(payload())).toContain("status: Invalid option");
  expect(onSubmit).toHaveBeenCalledWith({
    type: "sms.dlr",
    data: expect.objectContaining({ mobile: "abc", status: "lost" }),
  });

  const typeError = Object.assign(new Error("type: refused"), {
    data: { issues: [{ path: ["type"], message: "user.signup events are sent by Hookline" }] },
  });
  onSubmit.mockReset().mockRejectedValueOnce(typeError);
  await user.click(screen.getByRole("button", { name: "Send event" }));
  await waitFor(() =>
    expect(fieldError(screen.getByLabelText("Event type"))).toBe("user.signup events are sent by Hookline"),
  );

  onSubmit.mockReset().mockRejectedValueOnce(new Error("Network down"));
  await user.click(screen.getByRole("button", { name: "Send event" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Network down");
});
