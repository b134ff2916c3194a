import type dns from "node:dns";
import { STATUS_CODES } from "node:http";
import { request, type Dispatcher } from "undici";
import { checkUrlHost } from "@/server/delivery/ssrf/check-url-host";
import type { ErrorClass, HttpRequest, SendOutcome } from "@/server/delivery/types";
import { classifyError } from "./classify-error";
import { getAgent } from "./get-agent";
import { parseRetryAfter } from "./parse-retry-after";

const RESPONSE_BODY_LIMIT = 16_384;

type SendOptions = {
  timeoutMs: number;
  allowPrivateNetworks: boolean;
  /** Replaces dns.lookup (tests answer with loopback addresses through it). */
  lookup?: typeof dns.lookup;
  /** Overrides the guarded keep-alive agent; only IP-literal hosts are then checked. */
  dispatcher?: Dispatcher;
};

/**
 * Sends one request and describes what happened. Never throws. Redirects are not followed
 * (a 3xx is a failure); `timeoutMs` bounds the whole exchange, connect to last body byte; the
 * response body is kept up to 16 KB, then the connection is dropped. If the status arrived but
 * reading the body failed, the outcome keeps the status yet is `ok: false` with that error.
 */
export async function sendRequest(req: HttpRequest, opts: SendOptions): Promise<SendOutcome> {
  const started = performance.now();
  const fail = (errorClass: ErrorClass, errorMessage: string): SendOutcome => ({
    ok: false,
    status: null,
    headers: {},
    body: "",
    bodyTruncated: false,
    durationMs: Math.round(performance.now() - started),
    errorClass,
    errorMessage,
    retryAfterMs: null,
  });

  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return fail("network", `"${req.url}" is not a valid URL`);
  }
  const hostCheck = checkUrlHost(url, opts.allowPrivateNetworks);
  if (!hostCheck.allowed) return fail("blocked_address", hostCheck.reason);

  let timedOut = false;
  const controller = new AbortController();
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timed out after ${opts.timeoutMs} ms`));
  }, opts.timeoutMs);
  const ctx = () => ({ url, timeoutMs: opts.timeoutMs, timedOut });

  try {
    let response: Dispatcher.ResponseData;
    let gaveUp = false;
    try {
      const sent = request(url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        dispatcher: opts.dispatcher ?? getAgent(opts.allowPrivateNetworks, opts.lookup),
        headersTimeout: opts.timeoutMs,
        bodyTimeout: opts.timeoutMs,
        signal: controller.signal,
      });
      // undici does not end a request on abort while its connection is still being made (a name
      // lookup that never answers): the race makes the timeout cover lookup and connect too.
      sent.then(
        (late) => gaveUp && late.body.destroy(),
        () => undefined,
      );
      response = await Promise.race([sent, aborted(controller.signal)]);
    } catch (err) {
      gaveUp = true;
      const { errorClass, errorMessage } = classifyError(err, ctx());
      return fail(errorClass, errorMessage);
    }

    const status = response.statusCode;
    const headers = lowerCaseHeaders(response.headers);
    const received = {
      status,
      headers,
      retryAfterMs: parseRetryAfter(headers["retry-after"]),
    };
    let body: { text: string; truncated: boolean };
    try {
      body = await readLimited(response.body, RESPONSE_BODY_LIMIT);
    } catch (err) {
      const { errorClass, errorMessage } = classifyError(err, ctx());
      return { ...fail(errorClass, `${errorMessage} while reading the response body`), ...received };
    }

    const ok = status >= 200 && status < 300;
    return {
      ok,
      ...received,
      body: body.text,
      bodyTruncated: body.truncated,
      durationMs: Math.round(performance.now() - started),
      errorClass: ok ? null : "http_status",
      errorMessage: ok ? null : statusMessage(status, headers.location),
    };
  } finally {
    clearTimeout(timer);
  }
}

async function readLimited(
  stream: Dispatcher.ResponseData["body"],
  limit: number,
): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    if (size + buf.length > limit) {
      chunks.push(buf.subarray(0, limit - size));
      truncated = true;
      break;
    }
    chunks.push(buf);
    size += buf.length;
  }
  if (truncated) stream.destroy();
  // Streaming mode holds back a multi-byte character cut in half at the limit.
  const text = new TextDecoder().decode(Buffer.concat(chunks), { stream: truncated });
  return { text, truncated };
}

function lowerCaseHeaders(raw: Dispatcher.ResponseData["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function statusMessage(status: number, location: string | undefined): string {
  const text = STATUS_CODES[status];
  const base = `${status}${text ? ` ${text}` : ""} from your server`;
  if (status >= 300 && status < 400) {
    return location ? `${base} (redirect to ${location})` : base;
  }
  return base;
}

/** Rejects with the abort reason once the signal fires; the request it races is left to fail on its own. */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}
