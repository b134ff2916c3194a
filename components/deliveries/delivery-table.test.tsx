// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test, vi } from "vitest";
import type { DeliveryRowData } from "./delivery-row";
import { DeliveryTable } from "./delivery-table";

const row = (over: Partial<DeliveryRowData>): DeliveryRowData => ({
  id: "dlv_01m8aaaaaaaaaa",
  eventId: "evt_01m8aaaaaaaaaa",
  eventType: "sms.dlr",
  status: "succeeded",
  attempts: 1,
  nextAttemptAt: new Date("2026-11-29T10:20:00Z"),
  lastStatusCode: 200,
  lastError: null,
  createdAt: new Date("2026-11-29T10:15:00Z"),
  ...over,
});

const rows = [
  row({ id: "dlv_01m8sssssssss1", status: "succeeded", lastStatusCode: 204 }),
  row({
    id: "dlv_01m8rrrrrrrrr1",
    status: "retrying",
    attempts: 3,
    lastStatusCode: 503,
    lastError: "503 Service Unavailable from your server",
    nextAttemptAt: new Date("2026-11-29T11:45:00Z"),
  }),
  row({
    id: "dlv_01m8fffffffff1",
    status: "failed",
    attempts: 8,
    lastStatusCode: null,
    lastError: "timed out after 5 s",
    eventType: "whatsapp.mo",
  }),
  row({ id: "dlv_01m8ppppppppp1", status: "pending", attempts: 0, lastStatusCode: null }),
];

test("status badges, HTTP codes, attempts, next attempt for retrying ones; Retry only where it can work", async () => {
  const user = userEvent.setup();
  const onOpen = vi.fn();
  const onRetry = vi.fn();
  render(<DeliveryTable deliveries={rows} onOpen={onOpen} onRetry={onRetry} rowTestId="signup-delivery" />);
  const [ok, retrying, failed, pending] = screen.getAllByTestId("signup-delivery");

  expect(within(ok!).getByText("Succeeded")).toBeInTheDocument();
  expect(within(ok!).getByText("204")).toHaveClass("text-emerald-700");
  expect(within(ok!).queryByRole("button", { name: "Retry" })).toBeNull();

  expect(within(retrying!).getByText("Retrying")).toBeInTheDocument();
  expect(within(retrying!).getByText("503")).toHaveAttribute("title", "503 Service Unavailable");
  expect(within(retrying!).getByText("503")).toHaveClass("text-red-700");
  expect(within(retrying!).getByTitle("2026-11-29 11:45:00 UTC")).toBeInTheDocument();
  expect(within(retrying!).getByText("3")).toBeInTheDocument();

  expect(within(failed!).getByText("Failed")).toBeInTheDocument();
  expect(within(failed!).getByText("WhatsApp inbound message")).toBeInTheDocument();
  expect(within(failed!).getByText("timed out after 5 s")).toBeInTheDocument();
  expect(within(failed!).getAllByText("—")).toHaveLength(2); // no HTTP code, no next attempt

  expect(within(pending!).getByText("Pending")).toBeInTheDocument();

  await user.click(within(failed!).getByRole("button", { name: "Retry" }));
  expect(onRetry).toHaveBeenCalledWith("dlv_01m8fffffffff1");
  expect(onOpen).not.toHaveBeenCalled(); // the button does not also open the row

  await user.click(within(retrying!).getByText("Retrying"));
  expect(onOpen).toHaveBeenLastCalledWith("dlv_01m8rrrrrrrrr1");
  await user.click(within(ok!).getByRole("button", { name: "Open delivery dlv_01m8sssssssss1" }));
  expect(onOpen).toHaveBeenLastCalledWith("dlv_01m8sssssssss1");
  expect(onOpen).toHaveBeenCalledTimes(2);

  await user.click(within(ok!).getByRole("button", { name: /Copy event id/ }));
  expect(await navigator.clipboard.readText()).toBe("evt_01m8aaaaaaaaaa");
  expect(onOpen).toHaveBeenCalledTimes(2);
});

test("a delivery waiting for an earlier one of its message says which (and offers no retry); a superseded one names the one sent instead", async () => {
  const onOpen = vi.fn();
  const onRetry = vi.fn();
  const user = userEvent.setup();
  render(
    <DeliveryTable
      deliveries={[
        row({ id: "dlv_01m8wwwwwwwww1", status: "pending", attempts: 0, blockedBy: "dlv_01m8hhhhhhhhh1" }),
        row({ id: "dlv_01m8uuuuuuuuu1", status: "superseded", attempts: 0, supersededBy: "dlv_01m8vvvvvvvvv1" }),
      ]}
      onOpen={onOpen}
      onRetry={onRetry}
    />,
  );
  const [waiting, superseded] = screen.getAllByTestId("delivery-row");
  expect(within(waiting!).getByTestId("ordering-note")).toHaveTextContent(
    "Waiting for dlv_01m8hhhhhhhhh1 (same message)",
  );
  expect(within(waiting!).queryByRole("button", { name: "Retry" })).toBeNull();
  expect(within(superseded!).getByText("Superseded")).toBeInTheDocument();
  expect(within(superseded!).getByTestId("ordering-note")).toHaveTextContent(
    "Superseded by dlv_01m8vvvvvvvvv1 (a later status of the same message, sent instead)",
  );
  await user.click(within(waiting!).getByRole("button", { name: "dlv_01m8hhhhhhhhh1" }));
  expect(onOpen).toHaveBeenCalledWith("dlv_01m8hhhhhhhhh1");
});
