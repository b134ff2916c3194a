import { randomFillSync } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower-case

function encodeTime(ms: number, length = 10): string {
  let out = "";
  for (let i = 0; i < length; i++) {
    out = ALPHABET[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

/** The time part of the last id made: ids made within one millisecond share it. */
let lastMs = -1;
let lastTime = "";

function timePart(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms;
    lastTime = encodeTime(ms);
  }
  return lastTime;
}

// Random bytes are drawn 4 KB at a time: the engine makes three ids per delivery, and one
// system call for each showed up at about 4 % of its CPU. 256 divides evenly by 32, so `& 31`
// keeps every character equally likely. One fromCharCode call instead of 16 concatenations.
const pool = Buffer.alloc(4096);
let used = pool.length;
const CODES = Array.from(ALPHABET, (c) => c.charCodeAt(0));
const RANDOM_LENGTH = 16;
const codes: number[] = new Array<number>(RANDOM_LENGTH).fill(0);

function encodeRandom(): string {
  if (used + RANDOM_LENGTH > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  for (let i = 0; i < RANDOM_LENGTH; i++) codes[i] = CODES[pool[used + i]! & 31]!;
  used += RANDOM_LENGTH;
  return String.fromCharCode.apply(null, codes);
}

/**
 * Prefixed, time-ordered ids (`ep_01j…`): sortable by creation time, so ids double as
 * pagination cursors, and the prefix tells a support engineer what kind of thing it is.
 */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${timePart(Date.now())}${encodeRandom()}`;
}

/** The lowest id of that kind created at or after `at`: a lower bound for time ranges over id indexes. */
export function firstIdAt(prefix: IdPrefix, at: Date): string {
  return `${prefix}_${encodeTime(at.getTime())}`;
}

type IdPrefix = "acc" | "usr" | "wl" | "waba" | "key" | "ep" | "evt" | "dlv" | "att" | "rpl" | "prt" | "err" | "ntf";
