/**
 * Whether every %-escape in a URL path decodes to valid UTF-8 without NUL characters. Next.js
 * answers such paths with a 500 while decoding route parameters, so the proxy refuses them first.
 */
export function isValidPath(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    if (!segment.includes("%")) continue;
    try {
      if (decodeURIComponent(segment).includes("\0")) return false;
    } catch {
      return false;
    }
  }
  return true;
}
