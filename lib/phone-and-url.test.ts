import { expect, test } from "vitest";
import { normalizePhone, suggestHttps } from "./phone-and-url";

test("phone numbers as people type them become digits", () => {
  expect(normalizePhone("+91 98765 00001")).toBe("919876500001");
  expect(normalizePhone(" (91) 98765-00001 ")).toBe("919876500001");
  expect(normalizePhone("919876500001")).toBe("919876500001");
  expect(normalizePhone("98765abc")).toBe("98765abc"); // left for the schema to refuse
});

test("a URL without a scheme gets an https:// suggestion", () => {
  expect(suggestHttps("example.com/hooks/dlr")).toBe("https://example.com/hooks/dlr");
  expect(suggestHttps("localhost:3000/hook")).toBe("https://localhost:3000/hook");
  expect(suggestHttps("api.crm.example.com")).toBe("https://api.crm.example.com");
  expect(suggestHttps("https://example.com")).toBeNull();
  expect(suggestHttps("not a url")).toBeNull();
  expect(suggestHttps("hook")).toBeNull();
});
