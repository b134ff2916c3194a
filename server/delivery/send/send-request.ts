import type dns from "node:dns";
import { STATUS_CODES } from "node:http";
import type { Dispatcher } from "undici";
import { checkUrlHost } from "@/server/delivery/ssrf/check-url-host";
import type { ErrorClass, HttpRequest, SendOutcome } from "@/server/delivery/types";
import { classifyError } from "./classify-error";
import { startDeadline } from "./deadline-sweep";
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
export function sendRequest(req: HttpRequest, opts: SendOptions): Promise<SendOutcome> {
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
    return Promise.resolve(fail("network", `"${req.url}" is not a valid URL`));
  }
  const hostCheck = checkUrlHost(url, opts.allowPrivateNetworks);
  if (!hostCheck.allowed) return Promise.resolve(fail("blocked_address", hostCheck.reason));

  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    let timedOut = false;
    let controller: Dispatcher.DispatchController | null = null;
    let received: Pick<SendOutcome, "status" | "headers" | "retryAfterMs"> | null = null;
    const chunks: Buffer[] = [];
    let size = 0;

    const settle = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      cancelDeadline();
      resolve(outcome);
    };
    const failWith = (err: unknown) => {
      const { errorClass, errorMessage } = classifyError(err, { url, timeoutMs: opts.timeoutMs, timedOut });
      // The status arrived but reading the body failed: keep the status, still a failure.
      settle(
        received
          ? { ...fail(errorClass, `${errorMessage} while reading the response body`), ...received }
          : fail(errorClass, errorMessage),
      );
    };
    const finish = (truncated: boolean) => {
      const status = received!.status!;
      const ok = status >= 200 && status < 300;
      settle({
        ok,
        ...received!,
        body: decodeBody(Buffer.concat(chunks, size), truncated),
        bodyTruncated: truncated,
        durationMs: Math.round(performance.now() - started),
        errorClass: ok ? null : "http_status",
        errorMessage: ok ? null : statusMessage(status, received!.headers.location),
      });
    };

    // The timeout covers the whole exchange, name lookup and connect included: undici only hands
    // out its abort once a connection carries the request, so a send still connecting is settled
    // here and aborted when (if ever) it starts.
    const cancelDeadline = startDeadline(opts.timeoutMs, () => {
      timedOut = true;
      controller?.abort(new Error(`timed out after ${opts.timeoutMs} ms`));
      failWith(new Error("timeout"));
    });

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(ctl) {
        controller = ctl;
        if (settled) ctl.abort(new Error("gave up on this request"));
      },
      onResponseStart(_ctl, statusCode, headers) {
        const lowered = flattenHeaders(headers);
        received = { status: statusCode, headers: lowered, retryAfterMs: parseRetryAfter(lowered["retry-after"]) };
      },
      onResponseData(ctl, chunk) {
        if (settled) return;
        if (size + chunk.length > RESPONSE_BODY_LIMIT) {
          chunks.push(chunk.subarray(0, RESPONSE_BODY_LIMIT - size));
          size = RESPONSE_BODY_LIMIT;
          finish(true);
          ctl.abort(new Error("response body over the limit")); // drops the connection
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      },
      onResponseEnd() {
        if (!settled) finish(false);
      },
      onResponseError(_ctl, err) {
        failWith(err);
      },
    };
    try {
      (opts.dispatcher ?? getAgent(opts.allowPrivateNetworks, opts.lookup)).dispatch(
        {
          origin: url.origin,
          path: url.pathname + url.search,
          method: req.method,
          headers: req.headers,
          body: req.body,
          headersTimeout: opts.timeoutMs,
          bodyTimeout: opts.timeoutMs,
        },
        handler,
      );
    } catch (err) {
      failWith(err);
    }
  });
}

const utf8 = new TextDecoder();

/** A body cut at the limit may end inside a multi-byte character: streaming mode holds it back. */
function decodeBody(buf: Buffer, truncated: boolean): string {
  return truncated ? new TextDecoder().decode(buf, { stream: true }) : utf8.decode(buf);
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in raw) {
    const value = raw[name];
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
