import { z } from "zod";

/**
 * The data schema of each event type (field names from ../shared/design/EVENTS.md). Upstream
 * events may carry fields we do not know yet (loose); the ones Hookline emits are strict.
 */

const id = z.string().min(1).max(256);
const text = z.string().max(4096);
const time = z.string().max(64); // "YYYY-MM-DD HH:mm:ss" upstream; kept as sent
const msisdn = z.string().regex(/^\+?[0-9]{6,20}$/, "must be digits with country code (e.g. 919812345678)");

const STATUSES = ["submitted", "delivered", "read", "undelivered", "expired", "rejected", "failed", "unknown"] as const;
const status = z.enum(STATUSES);

/** What a delivery report says of a message, SMS or WhatsApp alike. */
const reportedStatus = {
  status,
  raw_status: z.string().max(64).optional(),
  error_code: z.string().max(32).optional(),
  error_description: text.optional(),
  received_time: time.optional(),
  delivered_time: time.optional(),
};

export const smsDlr = z.looseObject({
  transaction_id: id,
  message_id: id,
  mobile: msisdn,
  sender_id: z.string().max(32).optional(),
  ...reportedStatus,
  parts: z.number().int().min(1).max(255).optional(),
  final: z.boolean().optional(),
  client_ref: z.string().max(256).optional(),
});

export const whatsappDlr = z.looseObject({
  transaction_id: id,
  message_id: id,
  mobile: msisdn,
  waba_number: msisdn,
  ...reportedStatus,
  read_time: time.optional(),
  final: z.boolean().optional(),
  client_ref: z.string().max(256).optional(),
});

export const whatsappMo = z.looseObject({
  message_id: id,
  from: msisdn,
  profile_name: z.string().max(256).optional(),
  waba_number: msisdn,
  type: z.enum([
    "text",
    "image",
    "video",
    "audio",
    "document",
    "sticker",
    "button",
    "interactive",
    "location",
    "contacts",
    "reaction",
  ]),
  text: text.optional(),
  media: z.object({ id, mime_type: z.string().max(128) }).optional(),
  context: z.object({ message_id: id }).optional(),
  received_time: time,
});

export const smsMo = z.looseObject({
  message_id: id,
  from: msisdn,
  to: z.string().min(1).max(32),
  keyword: z.string().max(64).optional(),
  text: text,
  received_time: time,
  in_reply_to: id.optional(),
  operator: z.string().max(64).optional(),
  circle: z.string().max(64).optional(),
});

export const linkClick = z.looseObject({
  click_id: id,
  message_id: id,
  transaction_id: id.optional(),
  mobile: msisdn,
  short_url: z.string().max(2048),
  long_url: z.string().max(2048),
  clicked_at: time,
  ip: z.string().max(64).optional(),
  user_agent: z.string().max(1024).optional(),
});

// Emitted by Hookline itself; the Signup Webhook payload is exactly these ten fields.
export const userSignup = z.strictObject({
  user_type: z.string().max(32),
  user_id: id,
  user_full_name: z.string().max(256),
  user_name: z.string().max(64),
  mobile_number: z.string().max(32),
  email: z.string().max(254),
  user_city: z.string().max(100),
  user_region: z.string().max(100),
  user_country: z.string().max(100),
  user_signup_timestamp: time,
});

// Account-level events Hookline sends about the account's own endpoints (the operational webhook).
export const endpointAlert = z.strictObject({
  endpoint_id: id,
  endpoint_url: z.string().max(2048),
  endpoint_description: z.string().max(500),
  status: z.enum(["active", "paused", "disabled"]),
  failed_deliveries_in_a_row: z.number().int().min(0),
  disable_after: z.number().int().min(1),
  reason: z.string().max(500).nullable(),
  occurred_at: time,
});
