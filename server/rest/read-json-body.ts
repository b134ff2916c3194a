import type { z } from "zod";
import { findUnsafeInput } from "@/server/lib/find-unsafe-input";
import { RestError, zodIssues } from "./respond";

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`;
}

/**
 * Reads a JSON request body within a byte limit and parses it with `schema`:
 * wrong content type → 415, too large → 413 (checked on Content-Length, then while streaming),
 * empty or malformed JSON → 400; NUL characters, lone surrogates or deep nesting, and schema
 * failures → 422 with field issues.
 */
export async function readJsonBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<z.output<S>> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) {
    throw new RestError("unsupported_media_type", "Send the body as JSON with `Content-Type: application/json`");
  }
  const tooLarge = () => new RestError("payload_too_large", `The request body is larger than ${formatBytes(maxBytes)}`);
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();

  const text = await readText(req, maxBytes, tooLarge);
  if (text.trim() === "") throw new RestError("invalid_json", "The request body is empty; send a JSON object");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new RestError("invalid_json", `The request body is not valid JSON: ${(err as Error).message}`);
  }
  const unsafe = findUnsafeInput(value);
  if (unsafe) throw new RestError("validation_failed", "The request body is not valid", [unsafe]);
  const parsed = await schema.safeParseAsync(value);
  if (!parsed.success)
    throw new RestError("validation_failed", "The request body is not valid", zodIssues(parsed.error));
  return parsed.data;
}

async function readText(req: Request, maxBytes: number, tooLarge: () => Error): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new RestError("invalid_json", "The request body is not valid UTF-8");
  }
}
