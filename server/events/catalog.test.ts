import { describe, expect, test } from "vitest";
import { EVENT_TYPES, canonicalFields, catalog, eventTypeSchema, parseEventData, sampleEvent } from "./catalog";

describe("event catalog", () => {
  test.each(EVENT_TYPES)("the %s sample parses with its own schema", (type) => {
    expect(parseEventData(type, sampleEvent(type).data).success).toBe(true);
  });

  test("samples are fresh copies", () => {
    const a = sampleEvent("whatsapp.mo");
    (a.data.context as { message_id: string }).message_id = "changed";
    expect((sampleEvent("whatsapp.mo").data.context as { message_id: string }).message_id).not.toBe("changed");
  });

  test("user.signup is exactly the seed's ten fields: extra and missing fields are refused", () => {
    expect(canonicalFields("user.signup")).toHaveLength(10);
    const data = sampleEvent("user.signup").data;
    expect(parseEventData("user.signup", { ...data, extra: 1 }).success).toBe(false);
    const missing = { ...data };
    delete missing.email;
    expect(parseEventData("user.signup", missing).success).toBe(false);
  });

  test("upstream events keep unknown extra fields", () => {
    const res = parseEventData("sms.dlr", { ...sampleEvent("sms.dlr").data, operator_ref: "x1" });
    expect(res.success && res.data.operator_ref).toBe("x1");
  });

  test("bad data gives issues at the field", () => {
    const res = parseEventData("sms.dlr", { ...sampleEvent("sms.dlr").data, status: "DELIVRD", mobile: "not a number", parts: "1" });
    expect(res.success).toBe(false);
    const paths = res.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["status", "mobile", "parts"]));
  });

  test("huge strings are refused", () => {
    const res = parseEventData("sms.mo", { ...sampleEvent("sms.mo").data, text: "x".repeat(5000) });
    expect(res.success).toBe(false);
  });

  test("unknown types are refused with the list of known ones", () => {
    const res = eventTypeSchema.safeParse("sms.unknown");
    expect(res.success).toBe(false);
    expect(res.error!.issues[0]!.message).toContain("sms.dlr");
  });

  test("every entry names its product", () => {
    expect(catalog["whatsapp.dlr"].product).toBe("whatsapp");
    expect(catalog["user.signup"].product).toBe("platform");
  });
});
