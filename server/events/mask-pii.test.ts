import { describe, expect, it } from "vitest";
import { maskEventData, maskPhone, maskText } from "./mask-pii";

describe("PII masking", () => {
  it("keeps the prefix and the last three digits of a mobile number", () => {
    expect(maskPhone("919812345678")).toBe("9198XXXXX678");
    expect(maskPhone("+447700900123")).toBe("+4477XXXXX123");
    expect(maskPhone("98123456")).toBe("98XXX456");
    expect(maskPhone("12345")).toBe("XXXXX");
  });

  it("replaces message text with its length, counted in characters", () => {
    expect(maskText("Hi 👋")).toBe("[message hidden: 4 characters]");
  });

  it("masks mobile, from, mobile_number and text; leaves everything else", () => {
    expect(
      maskEventData({
        mobile: "919812345678",
        from: "919152349309",
        text: "STOP",
        to: "56161",
        waba_number: "919876543210",
        n: 1,
      }),
    ).toEqual({
      mobile: "9198XXXXX678",
      from: "9191XXXXX309",
      text: "[message hidden: 4 characters]",
      to: "56161",
      waba_number: "919876543210",
      n: 1,
    });
  });

  it("keeps the key order and leaves the input as it was", () => {
    const data = { status: "delivered", mobile: "919812345678", parts: 1 };
    const masked = maskEventData(data);
    expect(Object.keys(masked)).toEqual(["status", "mobile", "parts"]);
    expect(data.mobile).toBe("919812345678");
  });

  it("answers data with nothing to mask with itself (no copy per send)", () => {
    const data = { status: "delivered", mobile: 919812345678, nested: { mobile: "919812345678" } };
    expect(maskEventData(data)).toBe(data);
  });
});
