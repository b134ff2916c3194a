import { expect, test } from "vitest";
import { subscribes } from "./subscribes";

const sms = { eventTypes: ["sms.dlr"], wabaNumber: null };
const wa = { eventTypes: ["whatsapp.dlr", "whatsapp.mo"], wabaNumber: "+911234567890" };

test("an endpoint receives the event types it subscribes to", () => {
  expect(subscribes(sms, { type: "sms.dlr", data: {} })).toBe(true);
  expect(subscribes(sms, { type: "sms.mo", data: {} })).toBe(false);
});

test("WhatsApp events also need the endpoint's WABA number, with or without +", () => {
  expect(subscribes(wa, { type: "whatsapp.dlr", data: { waba_number: "911234567890" } })).toBe(true);
  expect(subscribes(wa, { type: "whatsapp.mo", data: { waba_number: "+911234567890" } })).toBe(true);
  expect(subscribes(wa, { type: "whatsapp.dlr", data: { waba_number: "919999999999" } })).toBe(false);
  expect(subscribes(wa, { type: "whatsapp.dlr", data: null })).toBe(false);
  expect(subscribes({ ...wa, wabaNumber: null }, { type: "whatsapp.dlr", data: { waba_number: "919999999999" } })).toBe(
    true,
  );
});
