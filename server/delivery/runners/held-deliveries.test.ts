import { expect, test } from "vitest";
import type { ReadyDelivery } from "@/server/delivery/engine/plan-claimed";
import { ClaimPlaces } from "./claim-places";
import { HeldDeliveries } from "./held-deliveries";

const ready = (id: string, endpointId = "ep_a") => ({ item: { id, endpointId } }) as unknown as ReadyDelivery;

function holding(n: number, endpointId = "ep_a", accountId = "acc_a") {
  const held = new HeldDeliveries(10, 10);
  for (let i = 0; i < n; i++) {
    held.add(`d${i}`, endpointId, accountId, 0);
    held.enqueue(ready(`d${i}`, endpointId));
  }
  return held;
}

test("a sent delivery waiting to be recorded keeps its lease but frees its endpoint's and account's places", () => {
  const held = holding(4);
  const started = held.takeStartable();
  expect(started).toHaveLength(4);
  held.toRecord("d0");
  held.sent("d0");
  expect(held.has("d0")).toBe(true); // still renewed, never claimed again here
  expect(held.size).toBe(4);
  expect(held.unsent).toBe(3);
  expect(held.recording).toBe(1);
  expect(held.heldFor("ep_a")).toBe(3);
  expect(held.heldForAccount("acc_a")).toBe(3);
  expect(held.freePlaces(10, 5).accounts.get("acc_a")).toBe(2);

  // Recorded: gone, and counted down once only.
  held.remove("d0");
  expect(held.size).toBe(3);
  expect(held.recording).toBe(0);
  expect(held.heldForAccount("acc_a")).toBe(3);
  held.toRecord("d1");
  held.toRecord("d1");
  held.remove("d1");
  expect(held.heldForAccount("acc_a")).toBe(2);
  expect(held.unsent).toBe(2);
});

test("the room counts attempts waiting to be written only past a batch of them", () => {
  const held = holding(30);
  const places = new ClaimPlaces(held, { concurrency: 10, batchSize: 20, perEndpoint: 10, perAccount: 25 });
  expect(places.room()).toBe(0);
  for (const r of held.takeStartable()) held.toRecord(r.item.id);
  expect(places.room()).toBe(10); // 20 unsent, 10 being written: within a batch
  for (let i = 30; i < 60; i++) held.add(`d${i}`, "ep_b", "acc_b", 0);
  for (let i = 30; i < 60; i++) held.toRecord(`d${i}`);
  // 20 unsent, 40 being written (20 past a batch): a database this slow stops claims.
  expect(places.room()).toBe(-10);
});

test("an endpoint's hints are wanted until two rounds of its sends wait here", () => {
  const held = holding(15);
  const places = new ClaimPlaces(held, { concurrency: 100, batchSize: 400, perEndpoint: 10, perAccount: 500 });
  places.hints.add("h1", "ep_a");
  expect(places.hintsWanted()).toBe(true); // 15 waiting: less than 20
  for (let i = 15; i < 20; i++) {
    held.add(`d${i}`, "ep_a", "acc_a", 0);
    held.enqueue(ready(`d${i}`));
  }
  expect(places.hintsWanted()).toBe(false);
});
