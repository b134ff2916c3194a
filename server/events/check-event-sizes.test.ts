import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/errors";
import { checkEventSizes } from "./check-event-sizes";
import { MAX_EVENT_BYTES } from "./ingest-schemas";

const refusal = (data: Record<string, unknown>) => {
  try {
    checkEventSizes({
      events: [
        { type: "sms.dlr", data: { status: "delivered" } },
        { type: "sms.dlr", data },
      ],
    });
    return null;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
};

describe("event size limit", () => {
  it("takes flat data up to the limit, counting bytes as sent (escapes and UTF-8 included)", () => {
    // 2 + `"t":` 4 + quotes 2 = 8 bytes around the text.
    expect(refusal({ t: "a".repeat(MAX_EVENT_BYTES - 8) })).toBeNull();
    expect(refusal({ t: "a".repeat(MAX_EVENT_BYTES - 7) })?.code).toBe("PAYLOAD_TOO_LARGE");
    // Each quote is two bytes once escaped, each é two in UTF-8: over the limit though short.
    expect(refusal({ t: '"'.repeat(MAX_EVENT_BYTES / 2) })?.code).toBe("PAYLOAD_TOO_LARGE");
    expect(refusal({ t: "é".repeat(MAX_EVENT_BYTES / 2) })?.code).toBe("PAYLOAD_TOO_LARGE");
    expect(refusal({ t: '"'.repeat(MAX_EVENT_BYTES / 2 - 8) })).toBeNull();
  });

  it("measures nested data exactly and names the event that is too large", () => {
    const err = refusal({ nested: { list: Array.from({ length: 30_000 }, (_, i) => `item-${i}`) } });
    expect(err?.code).toBe("PAYLOAD_TOO_LARGE");
    expect(err?.issues?.[0]?.path).toEqual(["events", 1, "data"]);
    expect(refusal({ nested: { list: ["a", "b"] } })).toBeNull();
  });
});
