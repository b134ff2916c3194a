import { expect, test } from "vitest";
import { firstIdAt, newId } from "./ids";

test("ids are prefixed, time-ordered and distinct, across refills of the random pool", () => {
  const ids = Array.from({ length: 1000 }, () => newId("dlv"));
  expect(new Set(ids).size).toBe(1000);
  for (const id of ids) expect(id).toMatch(/^dlv_[0-9a-hjkmnp-tv-z]{26}$/);
  const later = newId("dlv");
  expect(later >= firstIdAt("dlv", new Date(Date.now() - 1000))).toBe(true);
  expect(firstIdAt("dlv", new Date(Date.now() + 60_000)) > later).toBe(true);
});

test("every character of the random part is used", () => {
  const seen = new Set(
    Array.from({ length: 300 }, () => newId("att").slice(14))
      .join("")
      .split(""),
  );
  expect(seen.size).toBe(32);
});
