import { z } from "zod";
import { suggestHttps } from "@/lib/phone-and-url";
import { isReservedHeader } from "@/server/delivery/render/is-reserved-header";
import { EVENT_TYPES, type EventType } from "@/server/events/catalog";
import type { FieldIssue } from "@/server/errors";
import { defaultEventTypes, defaultParamMap, PRODUCTS, REPORT_TYPES, type ReportType } from "./param-map";
import { CONTROL_CHARACTERS, validateEndpointConfig, type EndpointConfigInput } from "./validate-endpoint-config";

/**
 * The one endpoint schema: the Add/Edit form (zodResolver), the tRPC input and the REST body.
 * Field-level rules live on the fields (so a PATCH checks them too); rules that need several
 * fields live in validateEndpointConfig (validate-endpoint-config.ts), which PATCH re-runs on the
 * merged result.
 */

/** What custom header values look like when read back; sent back unchanged, it keeps the stored value. */
export const MASKED_VALUE = "••••••••";

export const SEND_METHODS = ["POST", "GET", "JSON", "XML"] as const;
export const PAYLOAD_FORMATS = ["mapped", "envelope"] as const;
const MAX_CUSTOM_PARAMS = 20;
const MAX_CUSTOM_HEADERS = 20;

const CR_LF_NUL = /[\r\n\0]/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const NO_LINE_BREAKS = "Cannot contain line breaks or NUL characters";

const urlSchema = z
  .string({ error: "Enter the URL of your webhook endpoint" })
  .trim()
  .min(1, "Enter the URL of your webhook endpoint")
  .max(2048, "URL must be at most 2048 characters")
  .superRefine((value, ctx) => {
    if (value === "" || value.length > 2048) return;
    const suggested = suggestHttps(value);
    if (suggested) {
      ctx.addIssue({ code: "custom", message: `Start the URL with https:// (or http://), e.g. ${suggested}` });
      return;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "Enter a valid URL, e.g. https://example.com/webhooks" });
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      ctx.addIssue({ code: "custom", message: "URL must start with http:// or https://" });
    } else if (!url.hostname) {
      ctx.addIssue({ code: "custom", message: "Enter a valid URL, e.g. https://example.com/webhooks" });
    } else if (url.username || url.password) {
      ctx.addIssue({
        code: "custom",
        message: "Remove the user name and password from the URL; send credentials in a custom header instead",
      });
    }
  });

/** Header names Hookline sets itself (framing, Content-Type, the webhook-* signature). */
function isProtectedHeader(name: string): boolean {
  return isReservedHeader(name) || name.trim().toLowerCase() === "content-type";
}

const customParamSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1, "Enter a parameter name")
    .max(64, "Parameter names must be at most 64 characters")
    .refine((v) => !CONTROL_CHARACTERS.test(v), "Parameter names cannot contain control characters"),
  value: z
    .string()
    .max(1024, "Values must be at most 1024 characters")
    .refine((v) => !CR_LF_NUL.test(v), NO_LINE_BREAKS),
});

const customHeaderSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter a header name")
    .max(128, "Header names must be at most 128 characters")
    .superRefine((name, ctx) => {
      if (name === "" || name.length > 128) return;
      if (!TOKEN.test(name)) {
        ctx.addIssue({
          code: "custom",
          message: "Header names can only contain letters, digits and ! # $ % & ' * + - . ^ _ ` | ~",
        });
      } else if (isProtectedHeader(name)) {
        ctx.addIssue({ code: "custom", message: `'${name}' is set by Hookline and cannot be overridden` });
      }
    }),
  value: z
    .string()
    .max(4096, "Header values must be at most 4096 characters")
    .refine((v) => !CR_LF_NUL.test(v), NO_LINE_BREAKS)
    // Latin-1 only (what HTTP can carry); the masked placeholder is the one exception.
    .refine(
      (v) => v === MASKED_VALUE || !/[^\t\r\n\0\u0020-\u007E\u0080-\u00FF]/.test(v),
      "Header values can only contain printable ASCII characters",
    ),
});

const fields = {
  url: urlSchema,
  description: z.string().trim().max(500, "Description must be at most 500 characters"),
  product: z.enum(PRODUCTS, { error: "Choose a product: sms, whatsapp or platform" }),
  reportType: z.enum(REPORT_TYPES, { error: "Choose a report type: dlr, mo, signup or alerts" }),
  eventTypes: z.array(z.enum(EVENT_TYPES, { error: `Event types are ${EVENT_TYPES.join(", ")}` })),
  method: z.enum(SEND_METHODS, { error: "Choose a send method: POST, GET, JSON or XML" }),
  payloadFormat: z.enum(PAYLOAD_FORMATS, { error: "Choose a payload format: mapped or envelope" }),
  wabaNumber: z.string().trim().max(32, "WABA number must be 8–15 digits").nullable(),
  paramMap: z.record(z.string(), z.string().trim()),
  customParams: z.array(customParamSchema).max(MAX_CUSTOM_PARAMS, `At most ${MAX_CUSTOM_PARAMS} custom parameters`),
  customHeaders: z.array(customHeaderSchema).max(MAX_CUSTOM_HEADERS, `At most ${MAX_CUSTOM_HEADERS} custom headers`),
  rateLimitPerSecond: z
    .number({ error: "Rate limit must be a number of requests per second" })
    .int("Rate limit must be a whole number")
    .min(1, "Rate limit must be at least 1 request per second")
    .max(10_000, "Rate limit must be at most 10000 requests per second")
    .nullable(),
  timeoutMs: z
    .number({ error: "Timeout must be a number of milliseconds" })
    .int("Timeout must be a whole number of milliseconds")
    .min(1000, "Timeout must be at least 1 second (1000 ms)")
    .max(30_000, "Timeout must be at most 30 seconds (30000 ms)"),
  orderedDelivery: z
    .boolean({ error: "orderedDelivery must be true or false" })
    .describe(
      "Deliveries whose events share an ordering key (a DLR's message_id, or the orderingKey given at ingestion) go out one at a time, in the order accepted. Default: true for DLR webhooks.",
    ),
  latestStatusOnly: z
    .boolean({ error: "latestStatusOnly must be true or false" })
    .describe(
      "DLR webhooks with orderedDelivery: when several reports for one message wait, only the most advanced is sent; the others become superseded. Default: false.",
    ),
  adaptiveThrottle: z
    .boolean({ error: "adaptiveThrottle must be true or false" })
    .describe(
      "Lower the send rate on 429/503 (Retry-After honoured) or unusually slow responses, and raise it again while healthy, never above rateLimitPerSecond. Default: true.",
    ),
  status: z.enum(["active", "paused"], {
    // "disabled" is real (the row can hold it) but only Hookline sets it, after repeated failures.
    error: (iss) =>
      iss.input === "disabled"
        ? "Endpoints are disabled by Hookline only; set the status to active to re-enable it, or paused"
        : "Status must be active or paused",
  }),
};

const createShape = {
  ...fields,
  description: fields.description.default(""),
  eventTypes: fields.eventTypes.optional(),
  payloadFormat: fields.payloadFormat.default("mapped"),
  wabaNumber: fields.wabaNumber.default(null),
  paramMap: fields.paramMap.default({}),
  customParams: fields.customParams.default([]),
  customHeaders: fields.customHeaders.default([]),
  rateLimitPerSecond: fields.rateLimitPerSecond.default(null),
  timeoutMs: fields.timeoutMs.default(5000),
  // Default: on for delivery-report endpoints (see normalize).
  orderedDelivery: fields.orderedDelivery.optional(),
  latestStatusOnly: fields.latestStatusOnly.default(false),
  adaptiveThrottle: fields.adaptiveThrottle.default(true),
  status: fields.status.default("active"),
};

type CreateShapeOutput = z.output<z.ZodObject<typeof createShape>>;

/** Per-message order is the default for delivery-report webhooks. */
const defaultOrderedDelivery = (reportType: ReportType) => reportType === "dlr";

/**
 * Fills what the product + report type imply: event types, parameter names, ordered delivery;
 * "+" and "" in the WABA number.
 */
function normalize<T extends CreateShapeOutput>(v: T): T & { eventTypes: EventType[]; orderedDelivery: boolean } {
  const wabaNumber = v.wabaNumber ? v.wabaNumber.replace(/^\+/, "") : null;
  return {
    ...v,
    orderedDelivery: v.orderedDelivery ?? defaultOrderedDelivery(v.reportType),
    eventTypes: v.eventTypes ?? defaultEventTypes(v.product, v.reportType),
    paramMap: { ...defaultParamMap(v.product, v.reportType), ...v.paramMap },
    wabaNumber,
  };
}

/** Domain-facing: an input with every default the product + report type imply filled in. */
export function withDefaults<T extends CreateShapeOutput>(
  input: T,
): Omit<T, "eventTypes" | "wabaNumber" | "orderedDelivery"> & {
  eventTypes: EventType[];
  wabaNumber: string | null;
  orderedDelivery: boolean;
} {
  return normalize(input);
}

function addIssues(value: EndpointConfigInput, ctx: z.RefinementCtx) {
  for (const issue of validateEndpointConfig(value))
    ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
}

export const endpointInputSchema = z.object(createShape).transform(normalize).superRefine(addIssues);

/** Test Webhook / preview of an unsaved form; `id` (editing) lets masked header values resolve. */
export const endpointDraftSchema = z
  .object({ ...createShape, id: z.string().min(1).max(64).optional() })
  .transform(normalize)
  .superRefine(addIssues);

/** PATCH: any subset of the fields; the merged result is re-checked with validateEndpointConfig. */
export const endpointUpdateSchema = z.object(fields).partial();

export type EndpointInput = z.input<typeof endpointInputSchema>;
export type EndpointData = z.output<typeof endpointInputSchema>;
export type EndpointDraft = z.output<typeof endpointDraftSchema>;
export type EndpointUpdate = z.output<typeof endpointUpdateSchema>;

/** A zod error as the `{ path, message }` list the form, tRPC and REST show under each field. */
export function zodIssuesToFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === "number" ? p : String(p))),
    message: i.message,
  }));
}

/** The reseller's signup webhook (platform product, user.signup). */
export const signupWebhookInputSchema = z.object({
  method: z.enum(["POST", "GET"], { error: "Choose POST or GET" }),
  url: urlSchema,
});
export type SignupWebhookInput = z.output<typeof signupWebhookInputSchema>;
