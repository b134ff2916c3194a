// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { expect, test } from "vitest";
import { EventDeliveries, type EventDelivery } from "./event-deliveries";

const base = {
  endpointDescription: null,
  endpointStatus: "active",
  attempts: 0,
  lastStatusCode: null,
  lastError: null,
  nextAttemptAt: new Date("2025-12-31T10:20:00Z"),
  deliveredAt: null,
};

test("one row per endpoint with its status, last response and a link to that delivery's attempts", () => {
  const deliveries: EventDelivery[] = [
    {
      ...base,
      id: "dlv_1",
      endpointId: "ep_a",
      endpointUrl: "https://a.example.com/hook",
      endpointDescription: "Orders",
      status: "succeeded",
      attempts: 1,
      lastStatusCode: 200,
      deliveredAt: new Date("2025-12-31T10:15:03Z"),
    },
    {
      ...base,
      id: "dlv_2",
      endpointId: "ep_b",
      endpointUrl: "https://b.example.com/hook",
      status: "retrying",
      attempts: 2,
      lastStatusCode: 503,
      lastError: "503 Service Unavailable from your server",
    },
    {
      ...base,
      id: "dlv_3",
      endpointId: "ep_c",
      endpointUrl: "https://c.example.com/hook",
      endpointStatus: "paused",
      status: "pending",
    },
  ];
  render(<EventDeliveries deliveries={deliveries} type="sms.dlr" />);
  const [ok, retrying, paused] = screen.getAllByTestId("event-delivery");
  expect(ok).toHaveTextContent("Succeeded");
  expect(ok).toHaveTextContent("200 OK");
  expect(ok).toHaveTextContent("Orders");
  expect(within(ok!).getByRole("link", { name: /View attempts/ })).toHaveAttribute(
    "href",
    "/webhooks/ep_a?delivery=dlv_1",
  );
  expect(retrying).toHaveTextContent("Retrying");
  expect(retrying).toHaveTextContent("503 Service Unavailable");
  expect(retrying).toHaveTextContent("next attempt 2025-12-31 10:20:00 UTC");
  expect(within(retrying!).getByRole("link", { name: /View attempts/ })).toHaveAttribute(
    "href",
    "/webhooks/ep_b?delivery=dlv_2",
  );
  expect(paused).toHaveTextContent("Pending");
  expect(paused).toHaveTextContent("Waiting: the endpoint is paused");
});

test("no deliveries: says why and points to the webhooks", () => {
  render(<EventDeliveries deliveries={[]} type="sms.mo" />);
  expect(screen.getByText("No endpoint received this event")).toBeInTheDocument();
  expect(screen.getByText(/subscribed to sms\.mo/)).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Manage webhooks" })).toHaveAttribute("href", "/webhooks");
});
