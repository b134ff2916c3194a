import type { Operation } from "@/lib/openapi-types";

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A copy-pasteable curl command for an operation: path parameters as `$ID`-style shell
 * variables, the API key from `$HOOKLINE_API_KEY`, and the operation's example body.
 */
export function buildCurlExample(method: string, path: string, operation: Operation, baseUrl: string): string {
  const url =
    baseUrl.replace(/\/$/, "") +
    path.replace(/\{(\w+)\}/g, (_, name: string) => `\${${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}}`);
  const lines = [`curl -X ${method.toUpperCase()} "${url}"`];
  if (operation.security?.length !== 0) lines.push(`-H "Authorization: Bearer $HOOKLINE_API_KEY"`);
  const media = operation.requestBody?.content["application/json"];
  if (media) {
    lines.push(`-H "Content-Type: application/json"`);
    lines.push(`-d ${shellQuote(JSON.stringify(media.example ?? {}, null, 2))}`);
  }
  return lines.join(" \\\n  ");
}
