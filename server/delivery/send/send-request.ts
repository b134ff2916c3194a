import type dns from "node:dns";
import { STATUS_CODES } from "node:http";
import type { Dispatcher } from "undici";
import { checkUrlHost } from "@/server/delivery/ssrf/check-url-host";
import type { ErrorClass, HttpRequest, SendOutcome } from "@/server/delivery/types";
import { classifyError } from "./classify-error";
import { cancelDeadline, startDeadline, type Deadline, type Expirable } from "./deadline-sweep";
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
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return Promise.resolve(failure(started, "network", `"${req.url}" is not a valid URL`));
  }
  const hostCheck = checkUrlHost(url, opts.allowPrivateNetworks);
  if (!hostCheck.allowed) return Promise.resolve(failure(started, "blocked_address", hostCheck.reason));
  return new Promise<SendOutcome>((resolve) => new Exchange(req, url, opts, started, resolve).start());
}

/**
 * One request as undici's dispatch handler: a class, so its callbacks are not closures made
 * again for every request (thousands a second).
 */
class Exchange implements Dispatcher.DispatchHandler, Expirable {
  private settled = false;
  private timedOut = false;
  private controller: Dispatcher.DispatchController | null = null;
  private received: Pick<SendOutcome, "status" | "headers" | "retryAfterMs"> | null = null;
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private deadline: Deadline | null = null;

  constructor(
    private readonly req: HttpRequest,
    private readonly url: URL,
    private readonly opts: SendOptions,
    private readonly started: number,
    private readonly resolve: (outcome: SendOutcome) => void,
  ) {}

  start() {
    // The timeout covers the whole exchange, name lookup and connect included: undici only hands
    // out its abort once a connection carries the request, so a send still connecting is settled
    // here and aborted when (if ever) it starts.
    this.deadline = startDeadline(this.opts.timeoutMs, this);
    const { req, url, opts } = this;
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
        this,
      );
    } catch (err) {
      this.failWith(err);
    }
  }

  onRequestStart(controller: Dispatcher.DispatchController) {
    this.controller = controller;
    if (this.settled) controller.abort(new Error("gave up on this request"));
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: RawHeaders) {
    const lowered = flattenHeaders(headers);
    this.received = { status: statusCode, headers: lowered, retryAfterMs: parseRetryAfter(lowered["retry-after"]) };
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer) {
    if (this.settled) return;
    if (this.size + chunk.length > RESPONSE_BODY_LIMIT) {
      this.chunks.push(chunk.subarray(0, RESPONSE_BODY_LIMIT - this.size));
      this.size = RESPONSE_BODY_LIMIT;
      this.finish(true);
      controller.abort(new Error("response body over the limit")); // drops the connection
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  onResponseEnd() {
    if (!this.settled) this.finish(false);
  }

  onResponseError(_controller: Dispatcher.DispatchController, err: Error) {
    this.failWith(err);
  }

  /** The deadline sweep's call once the timeout has passed. */
  expire() {
    this.timedOut = true;
    this.controller?.abort(new Error(`timed out after ${this.opts.timeoutMs} ms`));
    this.failWith(new Error("timeout"));
  }

  private settle(outcome: SendOutcome) {
    if (this.settled) return;
    this.settled = true;
    if (this.deadline) cancelDeadline(this.deadline);
    this.resolve(outcome);
  }

  private failWith(err: unknown) {
    if (this.settled) return;
    const { errorClass, errorMessage } = classifyError(err, {
      url: this.url,
      timeoutMs: this.opts.timeoutMs,
      timedOut: this.timedOut,
    });
    // The status arrived but reading the body failed: keep the status, still a failure.
    this.settle(
      this.received
        ? { ...failure(this.started, errorClass, `${errorMessage} while reading the response body`), ...this.received }
        : failure(this.started, errorClass, errorMessage),
    );
  }

  private finish(truncated: boolean) {
    const received = this.received!;
    const status = received.status!;
    const ok = status >= 200 && status < 300;
    this.settle({
      ok,
      ...received,
      body: decodeBody(Buffer.concat(this.chunks, this.size), truncated),
      bodyTruncated: truncated,
      durationMs: Math.round(performance.now() - this.started),
      errorClass: ok ? null : "http_status",
      errorMessage: ok ? null : statusMessage(status, received.headers.location),
    });
  }
}

type RawHeaders = Record<string, string | string[] | undefined>;

function failure(started: number, errorClass: ErrorClass, errorMessage: string): SendOutcome {
  return {
    ok: false,
    status: null,
    headers: {},
    body: "",
    bodyTruncated: false,
    durationMs: Math.round(performance.now() - started),
    errorClass,
    errorMessage,
    retryAfterMs: null,
  };
}

const utf8 = new TextDecoder();

/** A body cut at the limit may end inside a multi-byte character: streaming mode holds it back. */
function decodeBody(buf: Buffer, truncated: boolean): string {
  return truncated ? new TextDecoder().decode(buf, { stream: true }) : utf8.decode(buf);
}

function flattenHeaders(raw: RawHeaders): Record<string, string> {
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
