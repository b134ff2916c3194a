// @vitest-environment jsdom
/**
 * The delivery log and the replay dialog against the real tRPC router and a real database
 * (tRPC's local link, no HTTP) and a real runner sending to a local receiver.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { DeliveryLog } from "@/components/deliveries/delivery-log";
import { ReplayDialog } from "@/components/deliveries/replay-dialog";
import { deliveries } from "@/db/schema";
import type { DeliveryRunner } from "@/server/delivery/delivery-runner";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor, type TestActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import { renderApp } from "@/tests/helpers/render-app";
import { until } from "@/tests/helpers/wait-until";

const h = setupIntegration();

/**
 * The app against the test database, as `actor`, at `start`; sends go to `runner` (default: the
 * fixture's, never started, so deliveries wait).
 */
const renderAs = (actor: TestActor, children: ReactNode, start: string, runner: DeliveryRunner = h.runner) =>
  renderApp({ db: h.db, runner, session: actor.session }, children, start);

test("?delivery= opens its attempts; filters go to the URL; Retry sends it again and the row follows live", async () => {
  const actor = await createActor(h.services);
  const receiver = await h.startReceiver();
  receiver.respondOnce({ status: 500, body: "database is down" });
  const ep = await insertEndpoint(h.db, actor.accountId, `${receiver.url}/hook`, { eventTypes: ["sms.dlr", "sms.mo"] });
  const runner = h.startRunner({ idlePollMs: 50, attempt: { allowPrivateNetworks: true, schedule: [0] } });
  await ingestEvents({ db: h.db, actor: actor.actor, runner }, sampleEvent("sms.dlr"));
  const [failed] = await until(
    () => h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id)),
    (r) => r[0]?.status === "failed",
  );
  await ingestEvents({ db: h.db, actor: actor.actor, runner }, sampleEvent("sms.mo"));
  await until(
    () => h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id)),
    (r) => r.length === 2 && r.every((d) => d.status !== "pending" && d.status !== "sending"),
  );

  const { user, navigations } = renderAs(
    actor,
    <DeliveryLog endpointId={ep.id} />,
    `/webhooks/${ep.id}?tab=deliveries&delivery=${failed!.id}`,
    runner,
  );
  const dialog = await screen.findByRole("dialog", { name: "Delivery" });
  const attempt = await within(dialog).findByRole("article", { name: "Attempt 1" });
  expect(attempt).toHaveTextContent("HTTP 500 Internal Server Error");
  expect(attempt).toHaveTextContent("Your server had an error; its logs should say why.");
  expect(within(attempt).getByLabelText("Response body excerpt")).toHaveTextContent("database is down");
  await user.keyboard("{Escape}");
  expect(navigations.at(-1)).toBe(`/webhooks/${ep.id}?tab=deliveries`);

  await waitFor(() => expect(screen.getAllByTestId("delivery-row")).toHaveLength(2));
  await user.selectOptions(screen.getByLabelText("Status"), "failed");
  expect(navigations.at(-1)).toBe(`/webhooks/${ep.id}?tab=deliveries&status=failed`);
  await waitFor(() => expect(screen.getAllByTestId("delivery-row")).toHaveLength(1));
  await user.selectOptions(screen.getByLabelText("Event type"), "sms.mo");
  expect(await screen.findByText("No deliveries match these filters")).toBeInTheDocument();
  await user.click(screen.getAllByRole("button", { name: "Clear filters" })[1]!);
  expect(navigations.at(-1)).toBe(`/webhooks/${ep.id}?tab=deliveries`);

  await waitFor(() => expect(screen.getAllByTestId("delivery-row")).toHaveLength(2));
  const row = screen.getAllByTestId("delivery-row").find((r) => within(r).queryByText("Failed"))!;
  await user.click(within(row).getByRole("button", { name: "Retry" }));
  expect(await screen.findByText("Retry queued")).toBeInTheDocument();
  await receiver.waitFor(3, 10_000);
  await waitFor(
    () => expect(screen.getAllByTestId("delivery-row").every((r) => within(r).queryByText("Succeeded"))).toBe(true),
    { timeout: 8000 },
  );
});

test("the replay dialog counts what it will replay, starts it and follows it to the end", async () => {
  const actor = await createActor(h.services);
  const receiver = await h.startReceiver();
  const ep = await insertEndpoint(h.db, actor.accountId, `${receiver.url}/hook`);
  await ingestEvents(
    { ...h.services, actor: actor.actor },
    { events: [sampleEvent("sms.dlr"), sampleEvent("sms.dlr"), sampleEvent("sms.dlr")] },
  );
  await h.db.update(deliveries).set({ status: "failed", attempts: 1 }).where(eq(deliveries.endpointId, ep.id));
  const runner = h.newRunner({ idlePollMs: 50, attempt: { allowPrivateNetworks: true, schedule: [0] } });

  const { user } = renderAs(
    actor,
    <ReplayDialog endpointId={ep.id} open onClose={() => {}} />,
    `/webhooks/${ep.id}`,
    runner,
  );
  const dialog = await screen.findByRole("dialog", { name: "Replay failed deliveries" });
  expect(await within(dialog).findByTestId("replay-count")).toHaveTextContent("3 deliveries since");
  await user.click(within(dialog).getByRole("button", { name: "Replay 3 deliveries" }));
  expect(await screen.findByText("Replay started")).toBeInTheDocument();
  const bar = await within(dialog).findByRole("progressbar");
  expect(bar).toHaveAttribute("aria-valuemax", "3");
  expect(bar).toHaveAttribute("aria-valuenow", "0");

  await act(async () => runner.start());
  await receiver.waitFor(3, 10_000);
  await waitFor(
    () => expect(within(dialog).getByTestId("replay-progress")).toHaveTextContent("Replay finished · 3 of 3 done"),
    { timeout: 8000 },
  );
  expect(within(dialog).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "3");
  expect(within(dialog).getByRole("button", { name: "Done" })).toBeInTheDocument();
});

test("a paused endpoint is explained and the button disabled", async () => {
  const actor = await createActor(h.services);
  const ep = await insertEndpoint(h.db, actor.accountId, "http://127.0.0.1:9/hook", { status: "paused" });
  await ingestEvents({ ...h.services, actor: actor.actor }, sampleEvent("sms.dlr"));
  await h.db.update(deliveries).set({ status: "failed", attempts: 1 }).where(eq(deliveries.endpointId, ep.id));

  renderAs(actor, <ReplayDialog endpointId={ep.id} open onClose={() => {}} />, `/webhooks/${ep.id}`);
  const dialog = await screen.findByRole("dialog", { name: "Replay failed deliveries" });
  expect(await within(dialog).findByText(/The endpoint is paused: resume it first, then replay/)).toBeInTheDocument();
  expect(within(dialog).getByRole("button", { name: "Replay 1 delivery" })).toBeDisabled();
  expect(within(dialog).queryByRole("region", { name: "Recent replays" })).toBeNull();
});

test("a replay already running is shown instead of a new one; once finished, it is listed under recent replays", async () => {
  const actor = await createActor(h.services);
  const ep = await insertEndpoint(h.db, actor.accountId, "http://127.0.0.1:9/hook");
  await ingestEvents(
    { ...h.services, actor: actor.actor },
    { events: [sampleEvent("sms.dlr"), sampleEvent("sms.dlr")] },
  );
  await h.db.update(deliveries).set({ status: "failed", attempts: 1 }).where(eq(deliveries.endpointId, ep.id));
  const { replay } = await actor.caller.deliveries.replay({ endpointId: ep.id });

  expect(replay.total).toBe(2);

  const first = renderAs(actor, <ReplayDialog endpointId={ep.id} open onClose={() => {}} />, `/webhooks/${ep.id}`);
  const dialog = await screen.findByRole("dialog", { name: "Replay failed deliveries" });
  expect(await within(dialog).findByTestId("replay-progress")).toHaveTextContent("Replaying… · 0 of 2 done");
  expect(within(dialog).getByRole("button", { name: "Close (it keeps running)" })).toBeInTheDocument();
  first.unmount();

  // Its deliveries went out (one succeeded, one failed for good): a fresh dialog offers the failed one again.
  const rows = await h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id)).orderBy(deliveries.id);
  await h.db.update(deliveries).set({ status: "succeeded" }).where(eq(deliveries.id, rows[0]!.id));
  await h.db.update(deliveries).set({ status: "failed" }).where(eq(deliveries.id, rows[1]!.id));
  renderAs(actor, <ReplayDialog endpointId={ep.id} open onClose={() => {}} />, `/webhooks/${ep.id}`);
  const again = await screen.findByRole("dialog", { name: "Replay failed deliveries" });
  expect(await within(again).findByTestId("replay-count")).toHaveTextContent("1 delivery since");
  const recent = await within(again).findByRole("region", { name: "Recent replays" });
  expect(within(recent).getByTestId("recent-replay")).toHaveTextContent("2 replayed — 1 succeeded, 1 failed");
});
