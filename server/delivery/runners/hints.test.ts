import { expect, test } from "vitest";
import { Hints } from "./hints";

test("takes at most the places each endpoint has, oldest first, and keeps the rest", () => {
  const hints = new Hints();
  for (let i = 0; i < 5; i++) hints.add(`a${i}`, "ep_a");
  for (let i = 0; i < 3; i++) hints.add(`b${i}`, "ep_b");
  const places: Record<string, number> = { ep_a: 2, ep_b: 10 };
  expect(hints.take(100, (ep) => places[ep]!)).toEqual(["a0", "a1", "b0", "b1", "b2"]);
  expect(hints.size).toBe(3);
  expect(hints.take(2, () => 10)).toEqual(["a2", "a3"]);
  expect(hints.take(10, () => 0)).toEqual([]);
  expect(hints.size).toBe(1);
});

test("hints of an unknown endpoint (released successors) are never capped", () => {
  const hints = new Hints();
  hints.add("x1");
  hints.add("x2");
  hints.add("a1", "ep_a");
  const took: [string, number][] = [];
  expect(
    hints.take(
      10,
      () => 0,
      (ep, n) => took.push([ep, n]),
    ),
  ).toEqual(["x1", "x2"]);
  expect(took).toEqual([["", 2]]);
  expect(hints.any(() => false)).toBe(false);
  hints.add("x3");
  expect(hints.any(() => false)).toBe(true);
});

test("any() asks only about endpoints that have hints", () => {
  const hints = new Hints();
  expect(hints.any(() => true)).toBe(false);
  hints.add("a1", "ep_a");
  const asked: string[] = [];
  hints.any((ep) => (asked.push(ep), false));
  expect(asked).toEqual(["ep_a"]);
});
