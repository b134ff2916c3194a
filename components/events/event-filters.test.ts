import { expect, test } from "vitest";
import { listEventsSchema } from "@/server/events/list-events-schema";
import { EMPTY_FILTERS, filtersToSearch, parseEventFilters, rangeError, toListInput } from "./event-filters";

test("filters round-trip through the URL; unknown or malformed values are dropped", () => {
  const filters = {
    q: "+919876500001",
    type: "sms.dlr",
    status: "failed",
    from: "2025-12-31T10:00",
    to: "2025-12-31T11:30",
  };
  const search = filtersToSearch(filters);
  expect(search).toBe("?q=%2B919876500001&type=sms.dlr&status=failed&from=2025-12-31T10%3A00&to=2025-12-31T11%3A30");
  expect(parseEventFilters(new URLSearchParams(search))).toEqual(filters);
  expect(
    parseEventFilters({ type: "sms.nope", status: ["pending", "failed"], from: "yesterday", to: "2025-13-45T99:99" }),
  ).toEqual({ ...EMPTY_FILTERS, status: "pending" });
  expect(filtersToSearch(EMPTY_FILTERS)).toBe("");
});

test("the list input reads times as UTC, covers the whole 'to' minute and is accepted by the server schema", () => {
  const input = toListInput({
    q: "",
    type: "link.click",
    status: "",
    from: "2025-12-31 10:00",
    to: "2025-12-31T10:00",
  });
  expect(input).toEqual({
    search: undefined,
    type: "link.click",
    status: undefined,
    from: "2025-12-31T10:00:00.000Z",
    to: "2025-12-31T10:01:00.000Z",
    limit: 25,
  });
  expect(listEventsSchema.safeParse(input).success).toBe(true);
});

test("a reversed range is flagged and not sent to the server", () => {
  const reversed = { ...EMPTY_FILTERS, from: "2025-12-31T11:00", to: "2025-12-31T10:00" };
  expect(rangeError(reversed)).toMatch(/after/);
  expect(toListInput(reversed)).toMatchObject({ from: undefined, to: undefined });
  expect(rangeError({ ...EMPTY_FILTERS, from: "2025-12-31T10:00", to: "2025-12-31T10:00" })).toBeNull();
});
