import { describe, expect, it } from "vitest";
import { findUnsafeInput, MAX_INPUT_DEPTH } from "./find-unsafe-input";

describe("findUnsafeInput", () => {
  it("passes ordinary input, emoji and dates", () => {
    expect(findUnsafeInput({ a: ["x", 1, null, true, "👋 ü"], when: new Date() })).toBeNull();
  });

  it("finds NUL characters and lone surrogates in values and keys, with their path", () => {
    expect(findUnsafeInput({ a: [{ b: "x\u0000" }] })).toEqual({
      path: ["a", 0, "b"],
      message: "contains a NUL character",
    });
    expect(findUnsafeInput({ a: "\udc00x" })?.path).toEqual(["a"]);
    expect(findUnsafeInput({ a: "x\ud800" })?.message).toMatch(/lone surrogate/);
    expect(findUnsafeInput({ ["k\u0000"]: 1 })?.message).toBe("name contains a NUL character");
  });

  it("refuses nesting past the limit without recursing, at any depth", () => {
    const nest = (n: number) => {
      let v: unknown = 1;
      for (let i = 0; i < n; i++) v = [v];
      return v;
    };
    expect(findUnsafeInput(nest(MAX_INPUT_DEPTH))).toBeNull();
    expect(findUnsafeInput(nest(MAX_INPUT_DEPTH + 1))?.message).toMatch(/nested more than/);
    expect(findUnsafeInput(nest(200_000))?.message).toMatch(/nested more than/);
  });
});
