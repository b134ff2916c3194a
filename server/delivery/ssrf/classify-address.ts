import { isIP } from "node:net";

export type AddressClass = { allowed: true } | { allowed: false; reason: string };

type Range = { base: bigint; prefix: number; what: string };

function v4(text: string, prefix: number, what: string): Range {
  return { base: parseV4(text)!, prefix, what };
}

function v6(text: string, prefix: number, what: string): Range {
  return { base: parseV6(text)!, prefix, what };
}

// Most specific first: the first match gives the reason.
const V4_REFUSED: Range[] = [
  v4("169.254.169.254", 32, "link-local (cloud metadata)"),
  v4("255.255.255.255", 32, "the broadcast address"),
  v4("0.0.0.0", 8, 'unspecified ("this network")'),
  v4("10.0.0.0", 8, "private"),
  v4("100.64.0.0", 10, "private (carrier-grade NAT)"),
  v4("127.0.0.0", 8, "loopback"),
  v4("169.254.0.0", 16, "link-local"),
  v4("172.16.0.0", 12, "private"),
  v4("192.0.0.0", 24, "reserved (IETF protocol assignments)"),
  v4("192.0.2.0", 24, "reserved for documentation"),
  v4("192.168.0.0", 16, "private"),
  v4("198.18.0.0", 15, "reserved for benchmarking"),
  v4("198.51.100.0", 24, "reserved for documentation"),
  v4("203.0.113.0", 24, "reserved for documentation"),
  v4("224.0.0.0", 4, "multicast"),
  v4("240.0.0.0", 4, "reserved"),
];

const V6_REFUSED: Range[] = [
  v6("::", 128, "unspecified"),
  v6("::1", 128, "loopback"),
  v6("100::", 64, "reserved (discard-only)"),
  v6("2001::", 32, "a Teredo tunnel address"),
  v6("2001:db8::", 32, "reserved for documentation"),
  v6("64:ff9b:1::", 48, "private (local-use NAT64)"),
  v6("fc00::", 7, "private (unique local)"),
  v6("fe80::", 10, "link-local"),
  v6("fec0::", 10, "private (site-local)"),
  v6("ff00::", 8, "multicast"),
];

// IPv6 prefixes whose last 32 bits are an IPv4 address the traffic really goes to.
const V6_EMBEDDING_V4: Range[] = [
  v6("::ffff:0:0", 96, "IPv4-mapped"),
  v6("::ffff:0:0:0", 96, "IPv4-translated"),
  v6("64:ff9b::", 96, "NAT64"),
  v6("::", 96, "IPv4-compatible"),
];

/**
 * Whether a webhook may be sent to this IP address. Anything that is not a plain public unicast
 * address is refused: private, loopback, link-local (and the cloud metadata address),
 * carrier-grade NAT, multicast, documentation and reserved ranges, and IPv6 forms that embed
 * one of those IPv4 addresses (mapped, compatible, NAT64, 6to4). Text that is not an IP is refused.
 */
export function classifyAddress(ip: string): AddressClass {
  const text = ip.trim().replace(/^\[(.*)\]$/, "$1");
  const family = isIP(text);
  if (family === 4) return classifyV4(text, parseV4(text)!, text);
  if (family === 6) return classifyV6(text, parseV6(text.replace(/%.*$/, ""))!);
  return refuse(`"${ip}" is not an IP address`);
}

function classifyV4(shown: string, value: bigint, v4text: string, via?: string): AddressClass {
  const hit = V4_REFUSED.find((r) => inRange(value, r, 32));
  if (!hit) return { allowed: true };
  const embedded = via ? ` (${via} ${v4text})` : "";
  return refuse(`address ${shown} is ${hit.what}${embedded}`);
}

function classifyV6(shown: string, value: bigint): AddressClass {
  const hit = V6_REFUSED.find((r) => inRange(value, r, 128));
  if (hit) return refuse(`address ${shown} is ${hit.what}`);

  const embedding = V6_EMBEDDING_V4.find((r) => inRange(value, r, 128));
  if (embedding) {
    const inner = value & 0xffffffffn;
    return classifyV4(shown, inner, formatV4(inner), embedding.what);
  }
  // 6to4 (2002::/16) carries the IPv4 address in bits 16–47.
  if (value >> 112n === 0x2002n) {
    const inner = (value >> 80n) & 0xffffffffn;
    return classifyV4(shown, inner, formatV4(inner), "6to4");
  }
  return { allowed: true };
}

function inRange(value: bigint, range: Range, bits: number): boolean {
  const shift = BigInt(bits - range.prefix);
  return value >> shift === range.base >> shift;
}

function refuse(reason: string): AddressClass {
  return { allowed: false, reason };
}

function parseV4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

function formatV4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join(".");
}

/** Expects text already validated by `isIP` (no zone id); handles `::` and a dotted IPv4 tail. */
function parseV6(text: string): bigint | null {
  let source = text;
  const lastColon = source.lastIndexOf(":");
  const tail = source.slice(lastColon + 1);
  if (tail.includes(".")) {
    const inner = parseV4(tail);
    if (inner === null) return null;
    const hi = (inner >> 16n).toString(16);
    const lo = (inner & 0xffffn).toString(16);
    source = `${source.slice(0, lastColon + 1)}${hi}:${lo}`;
  }
  const halves = source.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
}
