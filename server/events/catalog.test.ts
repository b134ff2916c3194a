import { describe, expect, test } from "vitest";
import {
  EVENT_TYPES,
  canonicalFields,
  catalog,
  eventTypeSchema,
  inCatalogOrder,
  parseEventData,
  sampleEvent,
} from "./catalog";

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
    const res = parseEventData("sms.dlr", {
      ...sampleEvent("sms.dlr").data,
      status: "DELIVRD",
      mobile: "not a number",
      parts: "1",
    });
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

  test("whatsapp.mo checks the nested media and context objects, both optional", () => {
    const data = sampleEvent("whatsapp.mo").data;
    expect(
      parseEventData("whatsapp.mo", { ...data, type: "image", media: { id: "1234", mime_type: "image/jpeg" } }).success,
    ).toBe(true);
    const { context: _context, ...noContext } = data;
    expect(parseEventData("whatsapp.mo", noContext).success).toBe(true);
    const bad = parseEventData("whatsapp.mo", { ...data, media: { id: "1234" }, context: { message_id: 7 } });
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["media.mime_type", "context.message_id"]),
    );
  });

  test("ids are bounded at 256 characters", () => {
    expect(parseEventData("sms.dlr", { ...sampleEvent("sms.dlr").data, message_id: "m".repeat(257) }).success).toBe(
      false,
    );
  });

  test("canonicalFields lists the top-level fields", () => {
    expect(canonicalFields("sms.dlr")).toEqual(
      expect.arrayContaining(["transaction_id", "message_id", "status", "raw_status", "parts", "final"]),
    );
    expect(canonicalFields("user.signup")).toEqual([
      "user_type",
      "user_id",
      "user_full_name",
      "user_name",
      "mobile_number",
      "email",
      "user_city",
      "user_region",
      "user_country",
      "user_signup_timestamp",
    ]);
  });

  test("every entry names its product", () => {
    expect(catalog["whatsapp.dlr"].product).toBe("whatsapp");
    expect(catalog["user.signup"].product).toBe("platform");
  });
});

test("inCatalogOrder puts fields back in catalog order, extra fields after, unknown types untouched", () => {
  const shuffled = { status: "delivered", extra: 1, mobile: "919812345678", transaction_id: "t1", message_id: "m1" };
  expect(Object.keys(inCatalogOrder("sms.dlr", shuffled))).toEqual([
    "transaction_id",
    "message_id",
    "mobile",
    "status",
    "extra",
  ]);
  expect(inCatalogOrder("sms.dlr", shuffled)).toEqual(shuffled);
  expect(Object.keys(inCatalogOrder("custom.type", shuffled))).toEqual(Object.keys(shuffled));
});
