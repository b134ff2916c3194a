import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower-case

function encodeTime(ms: number, length = 10): string {
  let out = "";
  for (let i = 0; i < length; i++) {
    out = ALPHABET[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

function encodeRandom(length = 16): string {
  const bytes = randomBytes(length);
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i]! % 32];
  return out;
}

/**
 * Prefixed, time-ordered ids (`ep_01j…`): sortable by creation time, so ids double as
 * pagination cursors, and the prefix tells a support engineer what kind of thing it is.
 */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${encodeTime(Date.now())}${encodeRandom()}`;
}

/** The lowest id of that kind created at or after `at`: a lower bound for time ranges over id indexes. */
export function firstIdAt(prefix: IdPrefix, at: Date): string {
  return `${prefix}_${encodeTime(at.getTime())}`;
}

type IdPrefix = "acc" | "usr" | "wl" | "waba" | "key" | "ep" | "evt" | "dlv" | "att" | "rpl" | "prt" | "err" | "ntf";
