import type { PayloadFormat, SendMethod } from "@/server/delivery/types";
import type { FieldIssue } from "@/server/errors";
import { allowedEventTypes, paramFieldsFor, type Product, type ReportType } from "./param-map";

export const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/;
const XML_NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
const WABA_NUMBER = /^\+?[0-9]{8,15}$/;

/** An endpoint configuration before defaults are filled (what normalizeEndpoint takes). */
export type EndpointConfigShape = {
  url: string;
  description?: string;
  product: Product;
  reportType: ReportType;
  eventTypes?: string[];
  method: SendMethod;
  payloadFormat: PayloadFormat;
  wabaNumber?: string | null;
  paramMap: Record<string, string>;
  customParams: { key: string; value: string }[];
  customHeaders: { name: string; value: string }[];
  rateLimitPerSecond?: number | null;
  timeoutMs: number;
  orderedDelivery?: boolean;
  latestStatusOnly?: boolean;
  adaptiveThrottle?: boolean;
  status?: "active" | "paused" | "disabled";
};

/** The complete configuration the rules look at. */
export type EndpointConfigInput = EndpointConfigShape & { eventTypes: string[] };

const PRODUCT_LABEL: Record<Product, string> = { sms: "SMS", whatsapp: "WhatsApp", platform: "platform" };
const REPORT_LABEL: Record<ReportType, string> = { dlr: "DLR", mo: "MO", signup: "signup", alerts: "alerts" };

/** Rules across fields, as issues at the field the user has to change. Empty when valid. */
export function validateEndpointConfig(v: EndpointConfigInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });

  if (v.product === "sms" && v.reportType === "mo") add(["reportType"], "MO is not available for the SMS product");
  if ((v.reportType === "signup" || v.reportType === "alerts") && v.product !== "platform")
    add(
      ["reportType"],
      `${v.reportType === "signup" ? "Signup" : "Alerts"} webhooks are only available for the platform product`,
    );
  if (v.product === "platform" && v.reportType !== "signup" && v.reportType !== "alerts")
    add(["reportType"], "The platform product only has signup and alerts webhooks");
  if (v.product === "platform" && v.method !== "JSON" && v.method !== "GET")
    add(["method"], "Signup webhooks are sent as JSON (POST) or GET");

  if (v.product === "whatsapp") {
    if (!v.wabaNumber) add(["wabaNumber"], "Choose a WABA number");
    else if (!WABA_NUMBER.test(v.wabaNumber))
      add(["wabaNumber"], "WABA number must be 8–15 digits, optionally starting with +");
  } else if (v.wabaNumber) {
    add(["wabaNumber"], "A WABA number is only used for WhatsApp endpoints");
  }

  const allowed = allowedEventTypes(v.product, v.reportType) as string[];
  if (v.eventTypes.length === 0) add(["eventTypes"], "Choose at least one event type");
  v.eventTypes.forEach((type, i) => {
    if (v.eventTypes.indexOf(type) !== i) add(["eventTypes", i], `'${type}' is listed twice`);
    else if (!allowed.includes(type)) {
      add(
        ["eventTypes", i],
        `'${type}' cannot be sent to a ${PRODUCT_LABEL[v.product]} ${REPORT_LABEL[v.reportType]} webhook`,
      );
    }
  });

  const xml = v.method === "XML";
  const known = new Set(paramFieldsFor(v.product, v.reportType).map((f) => f.field));
  const used = new Set<string>();
  const checkName = (path: (string | number)[], name: string) => {
    if (name === "") return add(path, "Enter a parameter name");
    if (name.length > 64) return add(path, "Parameter names must be at most 64 characters");
    if (CONTROL_CHARACTERS.test(name)) return add(path, "Parameter names cannot contain control characters");
    if (used.has(name)) return add(path, `Parameter names must be unique: '${name}' is used twice`);
    used.add(name);
    if (xml && !XML_NAME.test(name)) {
      add(
        path,
        `'${name}' is not a valid XML element name: start with a letter or _, then use letters, digits, -, _ or .`,
      );
    } else if (xml && /^xml/i.test(name)) {
      add(path, `'${name}' is not a valid XML element name: names cannot start with "xml"`);
    }
  };
  for (const [field, name] of Object.entries(v.paramMap)) {
    if (!known.has(field))
      add(
        ["paramMap", field],
        `'${field}' is not a parameter of ${PRODUCT_LABEL[v.product]} ${REPORT_LABEL[v.reportType]} webhooks`,
      );
    else checkName(["paramMap", field], name);
  }
  v.customParams.forEach((p, i) => checkName(["customParams", i, "key"], p.key));

  if (v.latestStatusOnly && v.reportType !== "dlr")
    add(["latestStatusOnly"], "Latest status only applies to delivery-report (DLR) webhooks");
  else if (v.latestStatusOnly && v.orderedDelivery === false)
    add(["latestStatusOnly"], "Latest status only works on each message's queue: turn on ordered delivery too");

  const headers = new Set<string>();
  v.customHeaders.forEach((h, i) => {
    const lower = h.name.toLowerCase();
    if (headers.has(lower)) add(["customHeaders", i, "name"], `Header names must be unique: '${h.name}' is used twice`);
    headers.add(lower);
  });
  return issues;
}
