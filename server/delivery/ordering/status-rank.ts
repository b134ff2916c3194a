/**
 * How far a delivery report has got: submitted < delivered < read; undelivered, expired, rejected
 * and failed are final and rank with read (on equal rank the latest accepted wins). Anything else
 * (unknown) ranks lowest. As SQL over an events row `ev`, for the claim-time collapse.
 */
export const DLR_TYPES = ["sms.dlr", "whatsapp.dlr"] as const;

export const STATUS_RANK_SQL = `case ev.data->>'status' when 'submitted' then 1 when 'delivered' then 2
  when 'read' then 3 when 'undelivered' then 3 when 'expired' then 3 when 'rejected' then 3 when 'failed' then 3
  else 0 end`;
