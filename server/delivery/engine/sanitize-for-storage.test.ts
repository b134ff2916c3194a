import { expect, test } from "vitest";
import { sanitizeRecord, sanitizeText } from "./sanitize-for-storage";

test("NUL and lone surrogates become U+FFFD; pairs, other text and null stay", () => {
  expect(sanitizeText("a\u0000b")).toBe("a\uFFFDb");
  expect(sanitizeText("x\uD800y\uDC00")).toBe("x\uFFFDy\uFFFD");
  expect(sanitizeText("ok 👋 é")).toBe("ok 👋 é");
  expect(sanitizeText(null)).toBeNull();
});

test("a record needing no replacement is kept as it is; one that does is copied", () => {
  const clean = { "content-type": "text/plain", x: "👋" };
  expect(sanitizeRecord(clean)).toBe(clean);
  const odd = { "x-a\u0000": "v\uD800", y: "fine" };
  expect(sanitizeRecord(odd)).toEqual({ "x-a\uFFFD": "v\uFFFD", y: "fine" });
  expect(odd).toEqual({ "x-a\u0000": "v\uD800", y: "fine" });
});
