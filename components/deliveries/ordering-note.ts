/** What ordered delivery / latest status only says about a delivery, for the log. */
export type OrderingFields = { status: string; blockedBy?: string | null; supersededBy?: string | null };

/** "waiting for <delivery> (same message)", "superseded by <delivery> …", or null. */
export function orderingNote(d: OrderingFields): { text: string; other: string; suffix: string } | null {
  if (d.status === "superseded" && d.supersededBy)
    return {
      text: "Superseded by",
      other: d.supersededBy,
      suffix: "(a later status of the same message, sent instead)",
    };
  if ((d.status === "pending" || d.status === "retrying") && d.blockedBy)
    return { text: "Waiting for", other: d.blockedBy, suffix: "(same message)" };
  return null;
}

/** Retry is refused while it waits for an earlier delivery of its message. */
export const isWaiting = (d: OrderingFields) => orderingNote(d)?.text === "Waiting for";
