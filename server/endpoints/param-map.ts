import { ALERT_EVENT_TYPES, type EventType } from "@/server/events/catalog";

export type Product = "sms" | "whatsapp" | "platform";
/** `alerts` is the account's operational webhook (Settings), never created through the endpoint form. */
export type ReportType = "dlr" | "mo" | "signup" | "alerts";

export const PRODUCTS = ["sms", "whatsapp", "platform"] as const satisfies readonly Product[];
export const REPORT_TYPES = ["dlr", "mo", "signup", "alerts"] as const satisfies readonly ReportType[];

type ParamField = { field: string; label: string; defaultName: string };

const DLR_FIELDS: readonly ParamField[] = [
  { field: "transaction_id", label: "Transaction ID Parameter", defaultName: "transaction_id" },
  { field: "message_id", label: "Message ID Parameter", defaultName: "message_id" },
  { field: "error_code", label: "Error Code Parameter", defaultName: "error_code" },
  { field: "mobile", label: "Mobile Number Parameter", defaultName: "mobile" },
  { field: "received_time", label: "Received Time Parameter", defaultName: "received_time" },
  { field: "delivered_time", label: "Delivered Time Parameter", defaultName: "delivered_time" },
];

const WHATSAPP_DLR_EXTRA: readonly ParamField[] = [
  { field: "read_time", label: "Read Time Parameter", defaultName: "read_time" },
  { field: "status", label: "Status Parameter", defaultName: "status" },
];

/**
 * The renameable parameters of a `mapped` endpoint (the DLR form of the SMS/WhatsApp
 * platform). MO and signup endpoints have none: their fields keep the canonical names.
 */
export function paramFieldsFor(product: Product, reportType: ReportType): ParamField[] {
  if (reportType !== "dlr") return [];
  if (product === "sms") return DLR_FIELDS.map((f) => ({ ...f }));
  if (product === "whatsapp") return [...DLR_FIELDS, ...WHATSAPP_DLR_EXTRA].map((f) => ({ ...f }));
  return [];
}

/** canonical field → default parameter name, for every field of paramFieldsFor. */
export function defaultParamMap(product: Product, reportType: ReportType): Record<string, string> {
  return Object.fromEntries(paramFieldsFor(product, reportType).map((f) => [f.field, f.defaultName]));
}

/** The event type implied by product + report type ([] for combinations that do not exist). */
export function defaultEventTypes(product: Product, reportType: ReportType): EventType[] {
  if (product === "sms" && reportType === "dlr") return ["sms.dlr"];
  if (product === "whatsapp" && reportType === "dlr") return ["whatsapp.dlr"];
  if (product === "whatsapp" && reportType === "mo") return ["whatsapp.mo"];
  if (product === "platform" && reportType === "signup") return ["user.signup"];
  if (product === "platform" && reportType === "alerts") return [...ALERT_EVENT_TYPES];
  return [];
}

const EXTRA_EVENT_TYPES: Partial<Record<`${Product}.${ReportType}`, EventType[]>> = {
  "sms.dlr": ["sms.mo", "link.click"],
  "whatsapp.dlr": ["link.click"],
};

/** The default event type first, then the ones an endpoint of this kind may also subscribe to. */
export function allowedEventTypes(product: Product, reportType: ReportType): EventType[] {
  return [...defaultEventTypes(product, reportType), ...(EXTRA_EVENT_TYPES[`${product}.${reportType}`] ?? [])];
}

/** The event type Test Webhook and the request preview send: the default one when subscribed. */
export function primaryEventType(product: Product, reportType: ReportType, eventTypes: readonly string[]): EventType {
  const allowed = allowedEventTypes(product, reportType);
  const subscribed = allowed.filter((t) => eventTypes.includes(t));
  return subscribed[0] ?? allowed[0] ?? "sms.dlr";
}
