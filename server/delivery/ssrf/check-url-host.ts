import { isIP } from "node:net";
import { classifyAddress, type AddressClass } from "./classify-address";

/**
 * Node connects to an IP-literal host without calling the lookup function, so the guarded
 * lookup never sees `http://10.0.0.5/` or `http://[::ffff:7f00:1]/`: classify those here,
 * before connecting. Host names pass (the guarded lookup checks what they resolve to).
 * The WHATWG parser has already normalised `0x7f.1`, `2130706433` and `[::ffff:127.0.0.1]`.
 */
export function checkUrlHost(url: string | URL, allowPrivate: boolean): AddressClass {
  let parsed: URL;
  try {
    parsed = typeof url === "string" ? new URL(url) : url;
  } catch {
    return { allowed: false, reason: `"${String(url)}" is not a valid URL` };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return { allowed: false, reason: `only http and https URLs can receive webhooks, not ${parsed.protocol}` };
  }
  if (allowPrivate) return { allowed: true };
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(host) === 0) return { allowed: true };
  return classifyAddress(host);
}
