import { expect, test } from "vitest";
import { formatCount, methodLabel } from "./labels";

test("the platform's webhooks (signup, alerts) show POST or GET, as their form offers them", () => {
  expect(methodLabel({ product: "platform", method: "JSON" })).toBe("POST");
  expect(methodLabel({ product: "platform", method: "GET" })).toBe("GET");
  expect(methodLabel({ product: "sms", method: "JSON" })).toBe("JSON");
  expect(methodLabel({ product: "whatsapp", method: "POST" })).toBe("POST (form)");
});

test("counts with separators, the same on server and browser", () => {
  expect(formatCount(1_000_000)).toBe("1,000,000");
  expect(formatCount(999)).toBe("999");
});
