import type { HttpRequest } from "@/server/delivery/types";

/** A POSIX-shell command that replays the request byte for byte ("copy as curl"). */
export function toCurl(req: HttpRequest): string {
  const parts = ["curl"];
  if (req.method !== "GET" && req.body === null) parts.push("-X", req.method);
  parts.push(shellQuote(req.url));
  for (const [name, value] of Object.entries(req.headers)) {
    // `-H "name:"` would make curl drop the header; `name;` is how curl sends an empty one.
    parts.push("-H", shellQuote(value === "" ? `${name};` : `${name}: ${value}`));
  }
  if (req.body !== null) parts.push("--data-raw", shellQuote(req.body));
  return parts.join(" ");
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
