import type dns from "node:dns";
import { createServer as createHttpsServer } from "node:https";
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderRequest } from "@/server/delivery/render/render-request";
import { generateSecret } from "@/server/delivery/sign/generate-secret";
import { signRequest } from "@/server/delivery/sign/sign-request";
import type { HttpRequest, PayloadFormat, SendMethod, WebhookEvent } from "@/server/delivery/types";
import { startReceiver, type Receiver } from "@/tests/helpers/receiver";
import { describeOutcome } from "./describe-outcome";
import { sendRequest } from "./send-request";

// Every target in this file is a server of ours on 127.0.0.1; private networks are allowed so
// the SSRF guard does not get in the way (it has its own tests).
const opts = { timeoutMs: 5000, allowPrivateNetworks: true };

let receiver: Receiver;
beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(async () => {
  await receiver.close();
});

function post(url: string, body = "a=1"): HttpRequest {
  return { method: "POST", url, headers: { "content-type": "application/x-www-form-urlencoded" }, body };
}

async function listenTcp(onSocket: (socket: Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createTcpServer(onSocket);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function closeTcp(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

describe("sendRequest against a real receiver", () => {
  it("delivers and reports a 2xx", async () => {
    receiver.respondWith({ status: 200, headers: { "X-Reply": "yes", "Content-Type": "text/plain" }, body: "thanks" });
    const outcome = await sendRequest(
      {
        ...post(`${receiver.url}/hook?x=1`, "a=1&b=two"),
        headers: { "content-type": "application/x-www-form-urlencoded", "X-Tenant": "acme" },
      },
      opts,
    );
    expect(outcome).toMatchObject({
      ok: true,
      status: 200,
      body: "thanks",
      bodyTruncated: false,
      errorClass: null,
      errorMessage: null,
      retryAfterMs: null,
    });
    expect(outcome.headers["x-reply"]).toBe("yes");
    expect(outcome.headers["content-type"]).toBe("text/plain");
    expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
    const [got] = await receiver.waitFor(1);
    expect(got).toMatchObject({ method: "POST", url: "/hook?x=1", body: "a=1&b=two" });
    expect(got!.headers["x-tenant"]).toBe("acme");
    expect(got!.headers["content-length"]).toBe("9");
    expect(describeOutcome(outcome)).toMatch(/^Delivered: your server answered 200 in \d+ ms\.$/);
  });

  it("counts any 2xx as delivered", async () => {
    receiver.respondWith({ status: 204 });
    expect(await sendRequest(post(receiver.url), opts)).toMatchObject({ ok: true, status: 204, body: "" });
  });

  it("reuses the keep-alive connection", async () => {
    await sendRequest(post(receiver.url), opts);
    // undici hands the socket back to the pool one tick after the body ends.
    await new Promise((resolve) => setImmediate(resolve));
    await sendRequest(post(receiver.url), opts);
    const [a, b] = await receiver.waitFor(2);
    expect(a!.remotePort).toBe(b!.remotePort);
  });

  it("reports a 404 as http_status", async () => {
    receiver.respondWith({ status: 404, body: "no such hook" });
    const outcome = await sendRequest(post(receiver.url), opts);
    expect(outcome).toMatchObject({
      ok: false,
      status: 404,
      body: "no such hook",
      errorClass: "http_status",
      errorMessage: "404 Not Found from your server",
    });
    expect(describeOutcome(outcome)).toBe("404 Not Found from your server. Check the URL path.");
  });

  it("reports a 500 with its body and Retry-After", async () => {
    receiver.respondWith({ status: 503, headers: { "Retry-After": "120" }, body: "down for maintenance" });
    const outcome = await sendRequest(post(receiver.url), opts);
    expect(outcome).toMatchObject({
      ok: false,
      status: 503,
      body: "down for maintenance",
      errorClass: "http_status",
      errorMessage: "503 Service Unavailable from your server",
      retryAfterMs: 120_000,
    });
  });

  it("parses an HTTP-date Retry-After", async () => {
    const at = new Date(Date.now() + 60_000);
    receiver.respondWith({ status: 429, headers: { "Retry-After": at.toUTCString() } });
    const outcome = await sendRequest(post(receiver.url), opts);
    expect(outcome.status).toBe(429);
    expect(outcome.retryAfterMs).toBeGreaterThan(55_000);
    expect(outcome.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it("times out a slow server", async () => {
    receiver.respondWith({ status: 200, delayMs: 3000 });
    const outcome = await sendRequest(post(receiver.url), { ...opts, timeoutMs: 1000 });
    expect(outcome).toMatchObject({
      ok: false,
      status: null,
      errorClass: "timeout",
      errorMessage: "timed out after 1 s",
    });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(950);
    expect(outcome.durationMs).toBeLessThan(2500);
    expect(describeOutcome(outcome)).toContain("Timed out after 1 s.");
  });

  it("times out a server that sends headers then stalls the body", async () => {
    const { server, port } = await listenTcp((socket) => {
      socket.once("data", () => socket.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial"));
    });
    try {
      const outcome = await sendRequest(post(`http://127.0.0.1:${port}/`), { ...opts, timeoutMs: 1000 });
      expect(outcome).toMatchObject({ ok: false, status: 200, errorClass: "timeout" });
    } finally {
      await closeTcp(server);
    }
  });

  it("reports a closed port as refused", async () => {
    const { server, port } = await listenTcp(() => {});
    await closeTcp(server);
    const outcome = await sendRequest(post(`http://127.0.0.1:${port}/`), opts);
    expect(outcome).toMatchObject({
      ok: false,
      status: null,
      errorClass: "refused",
      errorMessage: `connection refused by 127.0.0.1:${port}`,
    });
  });

  it("reports a connection dropped before any response as refused", async () => {
    const { server, port } = await listenTcp((socket) => socket.once("data", () => socket.destroy()));
    try {
      const outcome = await sendRequest(post(`http://127.0.0.1:${port}/`), opts);
      expect(outcome).toMatchObject({ ok: false, status: null, errorClass: "refused" });
    } finally {
      await closeTcp(server);
    }
  });

  it("reports malformed HTTP as invalid_response", async () => {
    const { server, port } = await listenTcp((socket) => {
      socket.once("data", () => socket.end("THIS IS NOT HTTP\r\n\r\n"));
    });
    try {
      const outcome = await sendRequest(post(`http://127.0.0.1:${port}/`), opts);
      expect(outcome).toMatchObject({ ok: false, status: null, errorClass: "invalid_response" });
    } finally {
      await closeTcp(server);
    }
  });

  it("does not follow redirects", async () => {
    receiver.respondOnce({ status: 302, headers: { Location: `${receiver.url}/target` } });
    const outcome = await sendRequest(post(`${receiver.url}/start`), opts);
    expect(outcome).toMatchObject({ ok: false, status: 302, errorClass: "http_status" });
    expect(outcome.errorMessage).toBe(`302 Found from your server (redirect to ${receiver.url}/target)`);
    expect(describeOutcome(outcome)).toContain("Redirects are not followed");
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.requests.map((r) => r.url)).toEqual(["/start"]);
  });

  it("keeps only the first 16 KB of a 1 MB response", async () => {
    receiver.respondWith({ status: 200, body: "x".repeat(1024 * 1024) });
    const outcome = await sendRequest(post(receiver.url), opts);
    expect(outcome.ok).toBe(true);
    expect(outcome.bodyTruncated).toBe(true);
    expect(outcome.body).toHaveLength(16384);
    expect(outcome.headers["content-length"]).toBe(String(1024 * 1024));
  });

  it("does not flag a body of exactly 16 KB as truncated", async () => {
    receiver.respondWith({ status: 200, body: "y".repeat(16384) });
    const outcome = await sendRequest(post(receiver.url), opts);
    expect(outcome).toMatchObject({ ok: true, bodyTruncated: false });
    expect(outcome.body).toHaveLength(16384);
  });

  it("never cuts a multi-byte character in half", async () => {
    receiver.respondWith({ status: 200, body: "€".repeat(10_000) });
    const outcome = await sendRequest(post(receiver.url), opts);
    expect(outcome.bodyTruncated).toBe(true);
    expect(outcome.body).toBe("€".repeat(5461));
  });

  it("reports a certificate problem as tls", async () => {
    const server = createHttpsServer({ key: TEST_KEY, cert: TEST_CERT }, (_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const outcome = await sendRequest(post(`https://127.0.0.1:${port}/`), opts);
      expect(outcome).toMatchObject({ ok: false, status: null, errorClass: "tls" });
      expect(outcome.errorMessage).toContain("self-signed");
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("reports an unresolvable host as dns", async () => {
    const notFound = ((_h: string, _o: unknown, cb: (err: Error) => void) =>
      process.nextTick(() =>
        cb(Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.test"), { code: "ENOTFOUND" })),
      )) as unknown as typeof dns.lookup;
    const outcome = await sendRequest(post("http://nowhere.test/"), { ...opts, lookup: notFound });
    expect(outcome).toMatchObject({
      ok: false,
      errorClass: "dns",
      errorMessage: "could not resolve host nowhere.test",
    });
  });

  it("never throws on a bad URL", async () => {
    expect(await sendRequest(post("not a url"), opts)).toMatchObject({ ok: false, errorClass: "network" });
    expect(await sendRequest(post("file:///etc/passwd"), opts)).toMatchObject({
      ok: false,
      errorClass: "blocked_address",
    });
  });
});

describe("render → sign → send, verified by the receiver", () => {
  const event: WebhookEvent = {
    id: "evt_1",
    type: "sms.dlr",
    createdAt: new Date("2025-12-31T10:15:33.000Z"),
    data: {
      transaction_id: "81934341034091431",
      mobile: "919812345678",
      status: "delivered",
      text: "a&b=c d <é> 'x'",
      final: true,
    },
  };
  const methods: SendMethod[] = ["POST", "GET", "JSON", "XML"];
  const formats: PayloadFormat[] = ["mapped", "envelope"];

  for (const method of methods) {
    for (const format of formats) {
      it(`${method} ${format} arrives byte for byte and verifies with standardwebhooks`, async () => {
        const secret = generateSecret();
        const rendered = renderRequest(
          {
            id: "ep_1",
            url: `${receiver.url}/hook?token=t%20k`,
            method,
            payloadFormat: format,
            paramMap: { mobile: "msisdn" },
            customParams: [{ key: "k", value: "v" }],
            customHeaders: [{ name: "X-Tenant", value: "acme" }],
            timeoutMs: 5000,
          },
          event,
        );
        const signed = signRequest(rendered, { msgId: "msg_1", timestamp: new Date(), secrets: [secret] });
        const outcome = await sendRequest(signed, opts);
        expect(outcome.ok).toBe(true);

        const [got] = await receiver.waitFor(1);
        expect(got!.method).toBe(method === "GET" ? "GET" : "POST");
        expect(got!.headers["user-agent"]).toBe("Hookline-Webhooks/1.0");
        expect(got!.headers["x-tenant"]).toBe("acme");
        const payload = method === "GET" ? got!.url.slice(got!.url.indexOf("?") + 1) : got!.body;
        if (method === "GET") expect(got!.body).toBe("");
        else expect(got!.body).toBe(signed.body);
        const headers = {
          "webhook-id": String(got!.headers["webhook-id"]),
          "webhook-timestamp": String(got!.headers["webhook-timestamp"]),
          "webhook-signature": String(got!.headers["webhook-signature"]),
        };
        expect(() => new Webhook(secret).verify(payload, headers, { jsonParse: false })).not.toThrow();
      });
    }
  }
});

// Self-signed for localhost/127.0.0.1, valid until 2126: only used to provoke a certificate error.
const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgHo8FG7hJ/BpzhcXQ
eBTRKlIcCPShT4t6D5IsjwZM+y6hRANCAAT611hUWWn7BFe+qJzmbdZH9gSDyDlb
7PM7zhSfombW7OMxyjvJ2XScHtttlfdUcDpbJGT8/TTjyjJdGUN3OuFX
-----END PRIVATE KEY-----`;
const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBmjCCAUGgAwIBAgIUMzzY4Hx0IvKNOaLLsQE7Qf3+SvgwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyMjIyNDkzN1oYDzIxMjYxMDI5
MjI0OTM3WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAT611hUWWn7BFe+qJzmbdZH9gSDyDlb7PM7zhSfombW7OMxyjvJ2XSc
HtttlfdUcDpbJGT8/TTjyjJdGUN3OuFXo28wbTAdBgNVHQ4EFgQUHkxJeNqjHELY
IaE63U1+cNH6BjUwHwYDVR0jBBgwFoAUHkxJeNqjHELYIaE63U1+cNH6BjUwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARhwR/AAABgglsb2NhbGhvc3QwCgYIKoZI
zj0EAwIDRwAwRAIgYv3zsquGQR8Up78pVx7B6WqXnr2V6lxtNIK09lIWwkICIHm/
qAOQ8Lj8sIAoNIaALSUwYOm0edMk02ILQZIJxMnW
-----END CERTIFICATE-----`;
