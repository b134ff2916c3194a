import { describe, expect, it } from "vitest";
import {
  endpointDraftSchema,
  endpointInputSchema,
  endpointUpdateSchema,
  MASKED_VALUE,
  signupWebhookInputSchema,
  withDefaults,
  zodIssuesToFieldIssues,
  type EndpointInput,
} from "./schemas";
import { validateEndpointConfig } from "./validate-endpoint-config";

const sms: EndpointInput = { url: "https://example.com/hooks/dlr", product: "sms", reportType: "dlr", method: "POST" };
const whatsapp: EndpointInput = {
  url: "https://example.com/wa",
  product: "whatsapp",
  reportType: "dlr",
  method: "JSON",
  wabaNumber: "919876543210",
};

/** The issues of a failed parse as `path → message`. */
function issues(
  input: unknown,
  schema: {
    safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
  } = endpointInputSchema,
) {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error!.issues.map((i) => [i.path.map(String).join("."), i.message]));
}

describe("endpointInputSchema: defaults", () => {
  it("fills everything the product and report type imply", () => {
    const data = endpointInputSchema.parse(sms);
    expect(data).toMatchObject({
      description: "",
      eventTypes: ["sms.dlr"],
      payloadFormat: "mapped",
      wabaNumber: null,
      customParams: [],
      customHeaders: [],
      rateLimitPerSecond: null,
      timeoutMs: 5000,
      status: "active",
    });
    expect(Object.keys(data.paramMap)).toEqual([
      "transaction_id",
      "message_id",
      "error_code",
      "mobile",
      "received_time",
      "delivered_time",
    ]);
  });

  it("keeps renamed parameters and fills the missing ones", () => {
    const data = endpointInputSchema.parse({ ...whatsapp, paramMap: { transaction_id: "txn", status: "state" } });
    expect(data.paramMap).toMatchObject({
      transaction_id: "txn",
      status: "state",
      read_time: "read_time",
      mobile: "mobile",
    });
    expect(data.eventTypes).toEqual(["whatsapp.dlr"]);
  });

  it("trims values and drops the + of a WABA number", () => {
    const data = endpointInputSchema.parse({
      ...whatsapp,
      url: "  https://example.com/x ",
      wabaNumber: "+919876543210",
    });
    expect(data.url).toBe("https://example.com/x");
    expect(data.wabaNumber).toBe("919876543210");
  });

  it("accepts a platform signup hook as JSON or GET", () => {
    expect(
      endpointInputSchema.parse({
        url: "https://example.com/s",
        product: "platform",
        reportType: "signup",
        method: "GET",
      }).eventTypes,
    ).toEqual(["user.signup"]);
    expect(issues({ url: "https://example.com/s", product: "platform", reportType: "signup", method: "XML" })).toEqual({
      method: "Signup webhooks are sent as JSON (POST) or GET",
    });
  });
});

describe("URL", () => {
  it.each([
    ["", "Enter the URL of your webhook endpoint"],
    ["not a url", "Enter a valid URL, e.g. https://example.com/webhooks"],
    ["example.com/hooks/dlr", "Start the URL with https:// (or http://), e.g. https://example.com/hooks/dlr"],
    ["ftp://example.com/x", "URL must start with http:// or https://"],
    ["javascript:alert(1)", "URL must start with http:// or https://"],
    [
      "https://user:pass@example.com/x",
      "Remove the user name and password from the URL; send credentials in a custom header instead",
    ],
    [`https://example.com/${"a".repeat(2048)}`, "URL must be at most 2048 characters"],
  ])("refuses %j", (url, message) => {
    expect(issues({ ...sms, url })).toEqual({ url: message });
  });

  it("accepts http and https with ports, paths and queries", () => {
    expect(endpointInputSchema.safeParse({ ...sms, url: "http://127.0.0.1:8080/hook?token=a&b=c" }).success).toBe(true);
  });
});

describe("product, report type and WABA number", () => {
  it("refuses MO for SMS", () => {
    expect(issues({ ...sms, reportType: "mo" })).toMatchObject({
      reportType: "MO is not available for the SMS product",
    });
  });

  it("keeps signup to the platform product and the platform to signup", () => {
    expect(issues({ ...sms, reportType: "signup" })).toMatchObject({
      reportType: "Signup webhooks are only available for the platform product",
    });
    expect(issues({ ...sms, product: "platform", method: "JSON" })).toMatchObject({
      reportType: "The platform product only has signup and alerts webhooks",
    });
  });

  it("requires a well-formed WABA number for WhatsApp", () => {
    expect(issues({ ...whatsapp, wabaNumber: null })).toEqual({ wabaNumber: "Choose a WABA number" });
    expect(issues({ ...whatsapp, wabaNumber: "" })).toEqual({ wabaNumber: "Choose a WABA number" });
    expect(issues({ ...whatsapp, wabaNumber: "1234567" })).toEqual({
      wabaNumber: "WABA number must be 8–15 digits, optionally starting with +",
    });
    expect(issues({ ...whatsapp, wabaNumber: "91987654321012345" })).toEqual({
      wabaNumber: "WABA number must be 8–15 digits, optionally starting with +",
    });
    expect(issues({ ...whatsapp, wabaNumber: "91-98765-43210" })).toEqual({
      wabaNumber: "WABA number must be 8–15 digits, optionally starting with +",
    });
  });

  it("refuses a WABA number on SMS and platform", () => {
    expect(issues({ ...sms, wabaNumber: "919876543210" })).toEqual({
      wabaNumber: "A WABA number is only used for WhatsApp endpoints",
    });
    expect(
      issues({
        url: "https://example.com/s",
        product: "platform",
        reportType: "signup",
        method: "JSON",
        wabaNumber: "919876543210",
      }),
    ).toEqual({
      wabaNumber: "A WABA number is only used for WhatsApp endpoints",
    });
  });

  it("refuses unknown enum values with a readable message", () => {
    expect(issues({ ...sms, product: "email" })).toEqual({ product: "Choose a product: sms, whatsapp or platform" });
    expect(issues({ ...sms, method: "PUT" })).toEqual({ method: "Choose a send method: POST, GET, JSON or XML" });
  });
});

describe("event types", () => {
  it("allows the extra SMS subscriptions", () => {
    expect(
      endpointInputSchema.parse({ ...sms, eventTypes: ["sms.dlr", "sms.mo", "link.click"] }).eventTypes,
    ).toHaveLength(3);
  });

  it("refuses empty, duplicate and foreign event types", () => {
    expect(issues({ ...sms, eventTypes: [] })).toEqual({ eventTypes: "Choose at least one event type" });
    expect(issues({ ...sms, eventTypes: ["sms.dlr", "sms.dlr"] })).toEqual({
      "eventTypes.1": "'sms.dlr' is listed twice",
    });
    expect(issues({ ...sms, eventTypes: ["whatsapp.mo"] })).toEqual({
      "eventTypes.0": "'whatsapp.mo' cannot be sent to a SMS DLR webhook",
    });
    expect(issues({ ...whatsapp, eventTypes: ["whatsapp.dlr", "sms.mo"] })).toEqual({
      "eventTypes.1": "'sms.mo' cannot be sent to a WhatsApp DLR webhook",
    });
    expect(Object.keys(issues({ ...sms, eventTypes: ["nope"] }))).toEqual(["eventTypes.0"]);
  });
});

describe("parameter map", () => {
  it("refuses fields the webhook type does not have", () => {
    expect(issues({ ...sms, paramMap: { read_time: "rt" } })).toEqual({
      "paramMap.read_time": "'read_time' is not a parameter of SMS DLR webhooks",
    });
    expect(issues({ ...whatsapp, reportType: "mo", paramMap: { mobile: "m" } })).toEqual({
      "paramMap.mobile": "'mobile' is not a parameter of WhatsApp MO webhooks",
    });
  });

  it("requires non-empty names of at most 64 characters without control characters", () => {
    expect(issues({ ...sms, paramMap: { mobile: "  " } })).toEqual({ "paramMap.mobile": "Enter a parameter name" });
    expect(issues({ ...sms, paramMap: { mobile: "m".repeat(65) } })).toEqual({
      "paramMap.mobile": "Parameter names must be at most 64 characters",
    });
    expect(issues({ ...sms, paramMap: { mobile: "mo\u0007bile" } })).toEqual({
      "paramMap.mobile": "Parameter names cannot contain control characters",
    });
  });

  it("requires names unique across the map and custom parameters", () => {
    expect(issues({ ...sms, paramMap: { mobile: "msisdn", transaction_id: "msisdn" } })).toEqual({
      "paramMap.mobile": "Parameter names must be unique: 'msisdn' is used twice",
    });
    expect(issues({ ...sms, customParams: [{ key: "mobile", value: "x" }] })).toEqual({
      "customParams.0.key": "Parameter names must be unique: 'mobile' is used twice",
    });
    // A renamed field frees its default name.
    expect(
      endpointInputSchema.safeParse({
        ...sms,
        paramMap: { mobile: "msisdn" },
        customParams: [{ key: "mobile", value: "x" }],
      }).success,
    ).toBe(true);
  });

  it("requires valid XML element names when the method is XML", () => {
    const xml = { ...sms, method: "XML" };
    expect(issues({ ...xml, paramMap: { mobile: "1mobile" } })).toEqual({
      "paramMap.mobile":
        "'1mobile' is not a valid XML element name: start with a letter or _, then use letters, digits, -, _ or .",
    });
    expect(issues({ ...xml, paramMap: { mobile: "Mobile Number" } })).toHaveProperty("paramMap.mobile");
    expect(issues({ ...xml, paramMap: { mobile: "xmlMobile" } })).toEqual({
      "paramMap.mobile": `'xmlMobile' is not a valid XML element name: names cannot start with "xml"`,
    });
    expect(issues({ ...xml, customParams: [{ key: "a b", value: "1" }] })).toHaveProperty(["customParams.0.key"]);
    expect(endpointInputSchema.safeParse({ ...xml, paramMap: { mobile: "_mobile.no-1" } }).success).toBe(true);
    // The same names are fine for form-encoded POST.
    expect(endpointInputSchema.safeParse({ ...sms, paramMap: { mobile: "Mobile Number" } }).success).toBe(true);
  });
});

describe("custom parameters", () => {
  it("allows at most 20", () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ key: `p${i}`, value: "v" }));
    expect(issues({ ...sms, customParams: many })).toEqual({ customParams: "At most 20 custom parameters" });
    expect(endpointInputSchema.safeParse({ ...sms, customParams: many.slice(0, 20) }).success).toBe(true);
  });

  it("checks key length and value content", () => {
    expect(issues({ ...sms, customParams: [{ key: "", value: "v" }] })).toEqual({
      "customParams.0.key": "Enter a parameter name",
    });
    expect(issues({ ...sms, customParams: [{ key: "k".repeat(65), value: "v" }] })).toEqual({
      "customParams.0.key": "Parameter names must be at most 64 characters",
    });
    expect(issues({ ...sms, customParams: [{ key: "k", value: "v".repeat(1025) }] })).toEqual({
      "customParams.0.value": "Values must be at most 1024 characters",
    });
    for (const bad of ["a\rb", "a\nb", "a\0b"]) {
      expect(issues({ ...sms, customParams: [{ key: "k", value: bad }] })).toEqual({
        "customParams.0.value": "Cannot contain line breaks or NUL characters",
      });
      expect(issues({ ...sms, customParams: [{ key: bad, value: "v" }] })).toEqual({
        "customParams.0.key": "Parameter names cannot contain control characters",
      });
    }
  });
});

describe("custom headers", () => {
  const withHeader = (name: string, value = "v") => ({ ...sms, customHeaders: [{ name, value }] });

  it.each([
    "Host",
    "content-length",
    "Content-Type",
    "Transfer-Encoding",
    "CONNECTION",
    "webhook-signature",
    "Webhook-Id",
  ])("refuses the reserved header %s", (name) => {
    expect(issues(withHeader(name))).toEqual({
      "customHeaders.0.name": `'${name}' is set by Hookline and cannot be overridden`,
    });
  });

  it("requires RFC 7230 token names of at most 128 characters", () => {
    const message = "Header names can only contain letters, digits and ! # $ % & ' * + - . ^ _ ` | ~";
    expect(issues(withHeader("X Token"))).toEqual({ "customHeaders.0.name": message });
    expect(issues(withHeader("X-Tök"))).toEqual({ "customHeaders.0.name": message });
    expect(issues(withHeader("X:Y"))).toEqual({ "customHeaders.0.name": message });
    expect(issues(withHeader(""))).toEqual({ "customHeaders.0.name": "Enter a header name" });
    expect(issues(withHeader("X".repeat(129)))).toEqual({
      "customHeaders.0.name": "Header names must be at most 128 characters",
    });
    expect(endpointInputSchema.safeParse(withHeader("X-Api-Key")).success).toBe(true);
  });

  it("refuses CR, LF and NUL in values, and values over 4096 characters", () => {
    for (const bad of ["a\r\nX-Evil: 1", "a\nb", "a\0"]) {
      expect(issues(withHeader("X-A", bad))).toEqual({
        "customHeaders.0.value": "Cannot contain line breaks or NUL characters",
      });
    }
    expect(issues(withHeader("X-A", "v".repeat(4097)))).toEqual({
      "customHeaders.0.value": "Header values must be at most 4096 characters",
    });
    expect(issues(withHeader("X-A", "snow ☃"))).toEqual({
      "customHeaders.0.value": "Header values can only contain printable ASCII characters",
    });
  });

  it("requires names unique case-insensitively, at most 20 headers", () => {
    expect(
      issues({
        ...sms,
        customHeaders: [
          { name: "X-Key", value: "1" },
          { name: "x-key", value: "2" },
        ],
      }),
    ).toEqual({
      "customHeaders.1.name": "Header names must be unique: 'x-key' is used twice",
    });
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `X-H${i}`, value: "v" }));
    expect(issues({ ...sms, customHeaders: many })).toEqual({ customHeaders: "At most 20 custom headers" });
  });

  it("lets the masked placeholder through (it means: keep the stored value)", () => {
    expect(endpointUpdateSchema.safeParse({ customHeaders: [{ name: "X-Key", value: MASKED_VALUE }] }).success).toBe(
      true,
    );
  });
});

describe("limits", () => {
  it("bounds rate limit, timeout and description", () => {
    expect(issues({ ...sms, rateLimitPerSecond: 0 })).toEqual({
      rateLimitPerSecond: "Rate limit must be at least 1 request per second",
    });
    expect(issues({ ...sms, rateLimitPerSecond: 10_001 })).toEqual({
      rateLimitPerSecond: "Rate limit must be at most 10000 requests per second",
    });
    expect(issues({ ...sms, rateLimitPerSecond: 1.5 })).toEqual({
      rateLimitPerSecond: "Rate limit must be a whole number",
    });
    expect(endpointInputSchema.parse({ ...sms, rateLimitPerSecond: null }).rateLimitPerSecond).toBeNull();
    expect(issues({ ...sms, timeoutMs: 999 })).toEqual({ timeoutMs: "Timeout must be at least 1 second (1000 ms)" });
    expect(issues({ ...sms, timeoutMs: 30_001 })).toEqual({
      timeoutMs: "Timeout must be at most 30 seconds (30000 ms)",
    });
    expect(issues({ ...sms, description: "d".repeat(501) })).toEqual({
      description: "Description must be at most 500 characters",
    });
  });

  it("only lets users choose active or paused", () => {
    const disabled = "Endpoints are disabled by Hookline only; set the status to active to re-enable it, or paused";
    expect(issues({ ...sms, status: "disabled" })).toEqual({ status: disabled });
    expect(issues({ status: "disabled" }, endpointUpdateSchema)).toEqual({ status: disabled });
    expect(issues({ status: "off" }, endpointUpdateSchema)).toEqual({ status: "Status must be active or paused" });
    expect(endpointInputSchema.parse({ ...sms, status: "paused" }).status).toBe("paused");
  });
});

describe("endpointUpdateSchema and validateEndpointConfig", () => {
  it("accepts any subset and adds no defaults", () => {
    expect(endpointUpdateSchema.parse({ url: "https://example.com/new" })).toEqual({ url: "https://example.com/new" });
    expect(endpointUpdateSchema.parse({})).toEqual({});
  });

  it("still checks each given field", () => {
    expect(issues({ url: "ftp://x" }, endpointUpdateSchema)).toEqual({
      url: "URL must start with http:// or https://",
    });
    expect(issues({ customHeaders: [{ name: "Host", value: "x" }] }, endpointUpdateSchema)).toEqual({
      "customHeaders.0.name": "'Host' is set by Hookline and cannot be overridden",
    });
  });

  it("re-checks a merged configuration", () => {
    const stored = endpointInputSchema.parse(sms);
    expect(validateEndpointConfig({ ...stored, reportType: "mo" })).toContainEqual({
      path: ["reportType"],
      message: "MO is not available for the SMS product",
    });
    expect(validateEndpointConfig(stored)).toEqual([]);
  });
});

describe("endpointDraftSchema and signupWebhookInputSchema", () => {
  it("takes the form values plus the id of the endpoint being edited", () => {
    expect(endpointDraftSchema.parse({ ...sms, id: "ep_123" })).toMatchObject({
      id: "ep_123",
      eventTypes: ["sms.dlr"],
    });
    expect(issues({ ...sms, reportType: "mo" }, endpointDraftSchema)).toHaveProperty("reportType");
  });

  it("accepts POST or GET with an http(s) URL", () => {
    expect(signupWebhookInputSchema.parse({ method: "GET", url: "https://example.com/signup" })).toEqual({
      method: "GET",
      url: "https://example.com/signup",
    });
    expect(issues({ method: "XML", url: "https://example.com" }, signupWebhookInputSchema)).toEqual({
      method: "Choose POST or GET",
    });
  });

  it("applies the endpoint URL rules to the signup webhook", () => {
    expect(issues({ method: "POST", url: "ftp://example.com" }, signupWebhookInputSchema)).toEqual({
      url: "URL must start with http:// or https://",
    });
    expect(issues({ method: "POST", url: "https://a:b@example.com" }, signupWebhookInputSchema)).toHaveProperty("url");
  });
});

describe("helpers", () => {
  it("zodIssuesToFieldIssues gives path + message per issue", () => {
    const result = endpointInputSchema.safeParse({
      ...sms,
      url: "ftp://x",
      customHeaders: [{ name: "Host", value: "x" }],
    });
    expect(result.success).toBe(false);
    expect(zodIssuesToFieldIssues(result.error!)).toEqual([
      { path: ["url"], message: "URL must start with http:// or https://" },
      { path: ["customHeaders", 0, "name"], message: "'Host' is set by Hookline and cannot be overridden" },
    ]);
  });

  it("withDefaults fills event types and missing parameter names, keeping renamed ones", () => {
    const filled = withDefaults({
      url: "https://example.com",
      description: "",
      product: "whatsapp",
      reportType: "dlr",
      eventTypes: undefined,
      method: "JSON",
      payloadFormat: "mapped",
      wabaNumber: "+919876543210",
      paramMap: { status: "state" },
      customParams: [],
      customHeaders: [],
      rateLimitPerSecond: null,
      timeoutMs: 5000,
      latestStatusOnly: false,
      adaptiveThrottle: true,
      status: "active",
    });
    expect(filled.eventTypes).toEqual(["whatsapp.dlr"]);
    expect(filled.paramMap).toMatchObject({
      status: "state",
      read_time: "read_time",
      transaction_id: "transaction_id",
    });
    expect(filled.wabaNumber).toBe("919876543210");
  });
});
