import { z } from "zod";
import { smsDlr, whatsappDlr, whatsappMo, smsMo, linkClick, userSignup, endpointAlert } from "./event-data-schemas";

/**
 * The event catalog: one data schema (event-data-schemas.ts) and one realistic sample per event
 * type, in one place. Canonical field names follow ../shared/design/EVENTS.md; `envelope`
 * endpoints receive them under `data` and they are the default parameter names of `mapped`
 * endpoints. Used by ingestion, Test Webhook, the request preview and the API docs.
 */

export const EVENT_TYPES = [
  "sms.dlr",
  "whatsapp.dlr",
  "whatsapp.mo",
  "sms.mo",
  "link.click",
  "user.signup",
  "endpoint.failing",
  "endpoint.disabled",
  "endpoint.recovered",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const eventTypeSchema = z.enum(EVENT_TYPES, { error: () => `type must be one of: ${EVENT_TYPES.join(", ")}` });

type CatalogEntry = {
  label: string;
  description: string;
  product: "sms" | "whatsapp" | "platform";
  schema: z.ZodType<Record<string, unknown>>;
  sample: Record<string, unknown>;
  /** Sent by Hookline itself (signups, endpoint alerts): clients cannot ingest it. */
  emittedByHookline?: true;
};

const alertSample = (status: string, n: number, reason: string | null) => ({
  endpoint_id: "ep_01m8x4kq7c2v9d0e5f6g7h8j9k",
  endpoint_url: "https://crm.example.com/hooks/dlr",
  endpoint_description: "Order DLRs",
  status,
  failed_deliveries_in_a_row: n,
  disable_after: 20,
  reason,
  occurred_at: "2025-12-31 10:20:00",
});

export const catalog: Record<EventType, CatalogEntry> = {
  "sms.dlr": {
    label: "SMS delivery report",
    description: "The final or interim delivery status of an SMS you sent.",
    product: "sms",
    schema: smsDlr,
    sample: {
      transaction_id: "81934341034091431",
      message_id: "shdgMj33hk8",
      mobile: "919812345678",
      sender_id: "ACMEIN",
      status: "delivered",
      raw_status: "DELIVRD",
      error_code: "000",
      error_description: "",
      received_time: "2025-12-31 10:15:30",
      delivered_time: "2025-12-31 10:15:33",
      parts: 1,
      final: true,
      client_ref: "order-1042",
    },
  },
  "whatsapp.dlr": {
    label: "WhatsApp delivery report",
    description: "Sent, delivered, read or failed status of a WhatsApp message.",
    product: "whatsapp",
    schema: whatsappDlr,
    sample: {
      transaction_id: "81934341034091432",
      message_id: "wamid.HBgMOTE5ODEyMzQ1Njc4FQIAERgSQzQ5",
      mobile: "919812345678",
      waba_number: "919876543210",
      status: "read",
      raw_status: "read",
      error_code: "",
      error_description: "",
      received_time: "2025-12-31 10:15:30",
      delivered_time: "2025-12-31 10:15:32",
      read_time: "2025-12-31 10:16:05",
      final: true,
      client_ref: "order-1042",
    },
  },
  "whatsapp.mo": {
    label: "WhatsApp inbound message",
    description: "A message a customer sent to your WhatsApp Business number.",
    product: "whatsapp",
    schema: whatsappMo,
    sample: {
      message_id: "wamid.HBgMOTE5MTUyMzQ5MzA5FQIAEhggQjE2",
      from: "919152349309",
      profile_name: "Asha Verma",
      waba_number: "919876543210",
      type: "text",
      text: "Yes, please confirm my booking for Friday",
      context: { message_id: "wamid.HBgMOTE5ODEyMzQ1Njc4FQIAERgSQzQ5" },
      received_time: "2025-12-31 10:17:02",
    },
  },
  "sms.mo": {
    label: "SMS inbound reply",
    description: "An SMS a customer sent to your short or long code.",
    product: "sms",
    schema: smsMo,
    sample: {
      message_id: "mo-7731920",
      from: "919812345678",
      to: "56161",
      keyword: "STOP",
      text: "STOP promotions",
      received_time: "2025-12-31 10:18:44",
      in_reply_to: "shdgMj33hk8",
      operator: "Airtel",
      circle: "Maharashtra",
    },
  },
  "link.click": {
    label: "Link click",
    description: "A recipient clicked a tracked short link in your message.",
    product: "sms",
    schema: linkClick,
    sample: {
      click_id: "clk_9f2c71",
      message_id: "shdgMj33hk8",
      transaction_id: "81934341034091431",
      mobile: "919812345678",
      short_url: "https://acme.sh/x7Kp2",
      long_url: "https://shop.example.com/offers/new-year?utm_source=sms",
      clicked_at: "2025-12-31 10:20:11",
      ip: "49.36.112.10",
      user_agent: "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36",
    },
  },
  "user.signup": {
    label: "Customer signup",
    description: "A customer signed up on your white-label storefront.",
    product: "platform",
    schema: userSignup,
    sample: {
      user_type: "customer",
      user_id: "2796XX",
      user_full_name: "Jon Doe",
      user_name: "newuser",
      mobile_number: "91xxxxxxxxx1",
      email: "newuser@domain.com",
      user_city: "city name",
      user_region: "region name",
      user_country: "country name",
      user_signup_timestamp: "2025-12-31 00:00:00",
    },
    emittedByHookline: true,
  },
  "endpoint.failing": {
    label: "Endpoint failing",
    description: "One of your endpoints has failed several deliveries in a row (each after all its retries).",
    product: "platform",
    schema: endpointAlert,
    sample: alertSample("active", 5, "500 Internal Server Error from your server"),
    emittedByHookline: true,
  },
  "endpoint.disabled": {
    label: "Endpoint disabled",
    description: "Hookline stopped delivering to one of your endpoints (410 Gone, or too many failed deliveries).",
    product: "platform",
    schema: endpointAlert,
    sample: alertSample("disabled", 20, "Disabled after 20 consecutive failed deliveries"),
    emittedByHookline: true,
  },
  "endpoint.recovered": {
    label: "Endpoint recovered",
    description: "An endpoint that was failing or disabled delivers again.",
    product: "platform",
    schema: endpointAlert,
    sample: alertSample("active", 0, null),
    emittedByHookline: true,
  },
};

export const ALERT_EVENT_TYPES = ["endpoint.failing", "endpoint.disabled", "endpoint.recovered"] as const;
export type AlertEventType = (typeof ALERT_EVENT_TYPES)[number];

export type IngestibleEventType = Exclude<EventType, "user.signup" | AlertEventType>;

/** Types a client may send through ingestion (everything Hookline does not emit itself). */
export const INGESTIBLE_EVENT_TYPES = EVENT_TYPES.filter(
  (t): t is IngestibleEventType => !catalog[t].emittedByHookline,
);

export function isEventType(type: string): type is EventType {
  return (EVENT_TYPES as readonly string[]).includes(type);
}

export function parseEventData(type: EventType, data: unknown) {
  return catalog[type].schema.safeParse(data);
}

/**
 * The catalog sample of a type; with a WABA number, that number in place of the sample's, so a
 * WhatsApp sample reaches the endpoint it is meant for (Test Webhook, Send sample event, preview).
 */
export function sampleEvent(
  type: EventType,
  { wabaNumber }: { wabaNumber?: string | null } = {},
): { type: EventType; data: Record<string, unknown> } {
  const data = structuredClone(catalog[type].sample);
  if (wabaNumber && "waba_number" in data) data.waba_number = wabaNumber;
  return { type, data };
}

const fieldsOf = new Map<EventType, readonly string[]>();

export function canonicalFields(type: EventType): readonly string[] {
  let fields = fieldsOf.get(type);
  if (!fields) fieldsOf.set(type, (fields = Object.keys(catalog[type].sample)));
  return fields;
}

/**
 * The event's fields in catalog order (the sample's), then any others as they come. Postgres
 * jsonb does not keep key order, so payloads are put back in this order for display and sending.
 */
export function inCatalogOrder(type: string, data: Record<string, unknown>): Record<string, unknown> {
  if (!isEventType(type)) return data;
  const ordered: Record<string, unknown> = {};
  for (const key of canonicalFields(type)) if (Object.hasOwn(data, key)) ordered[key] = data[key];
  for (const key of Object.keys(data)) if (!Object.hasOwn(ordered, key)) ordered[key] = data[key];
  return ordered;
}
