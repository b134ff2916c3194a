// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test } from "vitest";
import { EventsTable, type EventRow } from "./events-table";

const rows: EventRow[] = [
  {
    id: "evt_01kbzzzzzz0000000000000001",
    type: "sms.dlr",
    createdAt: new Date("2025-12-31T10:15:00Z"),
    status: "failed",
    deliveries: { total: 3, succeeded: 1, failed: 1, inFlight: 1 },
  },
  {
    id: "evt_01kbzzzzzz0000000000000002",
    type: "link.click",
    createdAt: new Date("2025-12-31T09:00:00Z"),
    status: "succeeded",
    deliveries: { total: 1, succeeded: 1, failed: 0, inFlight: 0 },
  },
  {
    id: "evt_01kbzzzzzz0000000000000003",
    type: "sms.mo",
    createdAt: new Date("2025-12-30T08:00:00Z"),
    status: "no_endpoints",
    deliveries: { total: 0, succeeded: 0, failed: 0, inFlight: 0 },
  },
];

test("each event shows its type label, id, UTC time and delivery summary badges, and links to its page", async () => {
  render(<EventsTable events={rows} />);
  const [first, second, third] = screen.getAllByTestId("event-row");

  expect(within(first!).getByRole("link", { name: "SMS delivery report" })).toHaveAttribute(
    "href",
    `/events/${rows[0]!.id}`,
  );
  expect(within(first!).getByText("sms.dlr")).toBeInTheDocument();
  // A relative time, with the exact UTC time on hover and in dateTime.
  const time = within(first!).getByTitle("2025-12-31 10:15:00 UTC");
  expect(time).toHaveAttribute("datetime", "2025-12-31T10:15:00.000Z");
  expect(time.textContent).toMatch(/ago$/);
  const summary = within(first!).getByTestId("delivery-summary");
  expect(summary).toHaveTextContent("Failed");
  expect(summary).toHaveTextContent("3 endpoints:");
  expect(summary).toHaveTextContent("1 succeeded");
  expect(summary).toHaveTextContent("1 failed");
  expect(summary).toHaveTextContent("1 in progress");

  const ok = within(second!).getByTestId("delivery-summary");
  expect(ok).toHaveTextContent("Succeeded");
  expect(ok).toHaveTextContent("1 endpoint:");
  expect(ok).not.toHaveTextContent("failed");
  expect(within(second!).getByRole("link", { name: "Link click" })).toBeInTheDocument();

  const none = within(third!).getByTestId("delivery-summary");
  expect(none).toHaveTextContent("No endpoints");
  expect(none).not.toHaveTextContent("endpoint:");
});

test("the copy button copies the full event id", async () => {
  const user = userEvent.setup();
  render(<EventsTable events={rows} />);
  await user.click(screen.getByRole("button", { name: `Copy event id ${rows[1]!.id}` }));
  expect(await navigator.clipboard.readText()).toBe(rows[1]!.id);
});
