// @vitest-environment jsdom
/**
 * The Events UI against the real tRPC router and a real database (tRPC's local link, no HTTP):
 * filters through the URL, Load more, Send sample event → the event page, deliveries live.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { expect, test } from "vitest";
import { EventDetail } from "@/components/events/event-detail";
import { EventsList } from "@/components/events/events-list";
import type { DeliveryRunner } from "@/server/delivery/delivery-runner";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor, type TestActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import { renderApp } from "@/tests/helpers/render-app";

const h = setupIntegration();

/**
 * The app against the test database, as `actor`; sends go to `runner` (default: the fixture's,
 * never started, so deliveries wait).
 */
const renderAs = (actor: TestActor, children: (url: URL) => ReactNode, runner: DeliveryRunner = h.runner) =>
  renderApp({ db: h.db, runner, session: actor.session }, children, "/events");

const rowIds = () => screen.queryAllByTestId("event-row").map((r) => within(r).getAllByRole("link")[1]!.textContent);

test("the list follows the filters in the URL and loads more pages", async () => {
  const actor = await createActor(h.services);
  await insertEndpoint(h.db, actor.accountId, "https://a.example.com/hook", { eventTypes: ["sms.dlr"] });
  const dlr: string[] = [];
  for (let i = 0; i < 27; i++)
    dlr.unshift(
      (
        (await ingestEvents({ ...h.services, actor: actor.actor }, sampleEvent("sms.dlr"))) as {
          id: string;
        }
      ).id,
    );
  const mo = (
    (await ingestEvents({ ...h.services, actor: actor.actor }, sampleEvent("sms.mo"))) as {
      id: string;
    }
  ).id;

  const { user, navigations } = renderAs(actor, () => <EventsList />);
  await waitFor(() => expect(rowIds()).toHaveLength(25));
  expect(rowIds()[0]).toBe(mo);
  await user.click(screen.getByRole("button", { name: "Load more" }));
  await waitFor(() => expect(rowIds()).toHaveLength(28));
  expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
  expect(screen.getByText(/28 events shown — that is all/)).toBeInTheDocument();

  await user.selectOptions(screen.getByLabelText("Event type"), "sms.mo");
  expect(navigations.at(-1)).toBe("/events?type=sms.mo");
  await waitFor(() => expect(rowIds()).toEqual([mo]));
  expect(screen.getByTestId("delivery-summary")).toHaveTextContent("No endpoints");

  await user.selectOptions(screen.getByLabelText("Status"), "failed");
  expect(navigations.at(-1)).toBe("/events?type=sms.mo&status=failed");
  expect(await screen.findByText("No events match these filters")).toBeInTheDocument();
  await user.click(screen.getAllByRole("button", { name: "Clear filters" })[1]!);
  expect(navigations.at(-1)).toBe("/events");
  // Back to the unfiltered list: the pages already loaded are kept.
  await waitFor(() => expect(rowIds()).toEqual([mo, ...dlr]));
});

test("empty account → Send sample event → the event page, where the delivery arrives live", async () => {
  const actor = await createActor(h.services);
  const receiver = await h.startReceiver();
  const ep = await insertEndpoint(h.db, actor.accountId, `${receiver.url}/clicks`, { eventTypes: ["link.click"] });
  const runner = h.newRunner({ idlePollMs: 50, attempt: { allowPrivateNetworks: true } });

  const { user, navigations } = renderAs(
    actor,
    (url) => (url.pathname === "/events" ? <EventsList /> : <EventDetail id={url.pathname.split("/")[2]!} />),
    runner,
  );
  expect(await screen.findByText("No events yet")).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Send sample event" }));
  const dialog = await screen.findByRole("dialog", { name: "Send sample event" });
  await user.selectOptions(await within(dialog).findByLabelText("Event type"), "link.click");
  expect(within(dialog).getByRole("region", { name: "Receiving endpoints" })).toHaveTextContent(
    `${receiver.url}/clicks`,
  );

  // A field the catalog refuses: the server's message appears next to the payload.
  const payload = within(dialog).getByLabelText("Payload (data)") as HTMLTextAreaElement;
  const edited = { ...JSON.parse(payload.value), mobile: "call me" };
  await user.clear(payload);
  await user.click(payload);
  await user.paste(JSON.stringify(edited));
  await user.click(within(dialog).getByRole("button", { name: "Send event" }));
  await waitFor(() =>
    expect(document.getElementById(payload.getAttribute("aria-describedby") ?? "")).toHaveTextContent(
      "mobile: must be digits with country code",
    ),
  );
  expect(receiver.requests).toHaveLength(0);

  await user.clear(payload);
  await user.click(payload);
  await user.paste(JSON.stringify({ ...edited, mobile: "919812345678", click_id: "clk_ui" }));
  await user.click(within(dialog).getByRole("button", { name: "Send event" }));
  await waitFor(() => expect(navigations.at(-1)).toMatch(/^\/events\/evt_/));
  expect(await screen.findByText("Link click sent")).toBeInTheDocument();

  // Not started yet: the delivery waits, the page says so and keeps polling.
  const row = await screen.findByTestId("event-delivery");
  expect(row).toHaveTextContent("Pending");
  expect(screen.getByText("Updating live")).toBeInTheDocument();
  expect(
    within(row)
      .getByRole("link", { name: /View attempts/ })
      .getAttribute("href"),
  ).toMatch(new RegExp(`^/webhooks/${ep.id}\\?delivery=dlv_`));

  await act(async () => runner.start());
  await receiver.waitFor(1, 10_000);
  expect(JSON.parse(receiver.requests[0]!.body)).toMatchObject({ type: "link.click", data: { click_id: "clk_ui" } });
  await waitFor(() => expect(screen.getByTestId("event-delivery")).toHaveTextContent("Succeeded"), { timeout: 8000 });
  expect(screen.getByTestId("event-delivery")).toHaveTextContent("200 OK");
  expect(screen.queryByText("Updating live")).toBeNull();
  expect(screen.getByLabelText("Event payload JSON")).toHaveTextContent('"click_id": "clk_ui"');
});
