/**
 * The one failure count of an endpoint: failed deliveries in a row (each after its whole retry
 * schedule, or a 410). The warning and the auto-disable threshold are counted in it too.
 */
export const FAILURE_STREAK_LABEL = "Failed deliveries in a row";

/** "1 failed delivery in a row", "12 failed deliveries in a row". */
export const failedInARowText = (n: number) => `${n} failed ${n === 1 ? "delivery" : "deliveries"} in a row`;
