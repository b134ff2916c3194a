import { describe, expect, it } from "vitest";
import { allowedEventTypes, defaultEventTypes, defaultParamMap, paramFieldsFor, primaryEventType } from "./param-map";

describe("paramFieldsFor", () => {
  it("gives SMS DLR the six standard parameters with their form labels", () => {
    expect(paramFieldsFor("sms", "dlr").map((f) => [f.field, f.label])).toEqual([
      ["transaction_id", "Transaction ID Parameter"],
      ["message_id", "Message ID Parameter"],
      ["error_code", "Error Code Parameter"],
      ["mobile", "Mobile Number Parameter"],
      ["received_time", "Received Time Parameter"],
      ["delivered_time", "Delivered Time Parameter"],
    ]);
  });

  it("adds Read Time and Status for WhatsApp DLR", () => {
    const fields = paramFieldsFor("whatsapp", "dlr");
    expect(fields).toHaveLength(8);
    expect(fields.slice(6)).toEqual([
      { field: "read_time", label: "Read Time Parameter", defaultName: "read_time" },
      { field: "status", label: "Status Parameter", defaultName: "status" },
    ]);
  });

  it("has no renameable parameters for MO and signup", () => {
    expect(paramFieldsFor("whatsapp", "mo")).toEqual([]);
    expect(paramFieldsFor("platform", "signup")).toEqual([]);
  });

  it("defaults each parameter name to the canonical field", () => {
    expect(defaultParamMap("sms", "dlr")).toEqual({
      transaction_id: "transaction_id",
      message_id: "message_id",
      error_code: "error_code",
      mobile: "mobile",
      received_time: "received_time",
      delivered_time: "delivered_time",
    });
    expect(defaultParamMap("whatsapp", "mo")).toEqual({});
  });
});

describe("event types", () => {
  it("implies one default type per product + report type", () => {
    expect(defaultEventTypes("sms", "dlr")).toEqual(["sms.dlr"]);
    expect(defaultEventTypes("whatsapp", "dlr")).toEqual(["whatsapp.dlr"]);
    expect(defaultEventTypes("whatsapp", "mo")).toEqual(["whatsapp.mo"]);
    expect(defaultEventTypes("platform", "signup")).toEqual(["user.signup"]);
    expect(defaultEventTypes("sms", "mo")).toEqual([]);
  });

  it("lets SMS DLR add sms.mo and link.click, WhatsApp DLR add link.click", () => {
    expect(allowedEventTypes("sms", "dlr")).toEqual(["sms.dlr", "sms.mo", "link.click"]);
    expect(allowedEventTypes("whatsapp", "dlr")).toEqual(["whatsapp.dlr", "link.click"]);
    expect(allowedEventTypes("whatsapp", "mo")).toEqual(["whatsapp.mo"]);
    expect(allowedEventTypes("platform", "signup")).toEqual(["user.signup"]);
  });

  it("tests with the default type when subscribed, else the first subscribed one", () => {
    expect(primaryEventType("sms", "dlr", ["link.click", "sms.dlr"])).toBe("sms.dlr");
    expect(primaryEventType("sms", "dlr", ["link.click"])).toBe("link.click");
    expect(primaryEventType("whatsapp", "mo", [])).toBe("whatsapp.mo");
  });
});
