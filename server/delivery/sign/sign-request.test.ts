import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { renderRequest } from "@/server/delivery/render/render-request";
import type { EndpointConfig, HttpRequest, PayloadFormat, SendMethod, WebhookEvent } from "@/server/delivery/types";
import { generateSecret } from "./generate-secret";
import { signRequest } from "./sign-request";

const event: WebhookEvent = {
  id: "evt_01",
  type: "whatsapp.dlr",
  createdAt: new Date("2025-12-31T10:15:33.000Z"),
  data: { transaction_id: "1", mobile: "919812345678", status: "read", text: "a&b=c <x> 'q' नमस्ते", final: true },
};

function endpoint(method: SendMethod, payloadFormat: PayloadFormat): EndpointConfig {
  return {
    id: "ep_1",
    url: "https://hooks.example.com/in?token=abc",
    method,
    payloadFormat,
    paramMap: { mobile: "msisdn" },
    customParams: [{ key: "k", value: "v w" }],
    customHeaders: [{ name: "X-Tenant", value: "acme" }],
    timeoutMs: 5000,
  };
}

/** What a receiver feeds to its verifier: the raw body, or for GET the raw query string. */
function payloadOf(req: HttpRequest): string {
  return req.body ?? req.url.slice(req.url.indexOf("?") + 1);
}

function verify(secret: string, req: HttpRequest, payload = payloadOf(req)): void {
  new Webhook(secret).verify(payload, req.headers, { jsonParse: req.headers["content-type"] === "application/json" });
}

const methods: SendMethod[] = ["POST", "GET", "JSON", "XML"];
const formats: PayloadFormat[] = ["mapped", "envelope"];

describe("signRequest", () => {
  it("generates whsec_ secrets of 24 random bytes", () => {
    const a = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(a.slice(6), "base64")).toHaveLength(24);
    expect(generateSecret()).not.toBe(a);
  });

  for (const method of methods) {
    for (const format of formats) {
      it(`verifies with the standardwebhooks library: ${method} ${format}`, () => {
        const secret = generateSecret();
        const signed = signRequest(renderRequest(endpoint(method, format), event), {
          msgId: "msg_1",
          timestamp: new Date(),
          secrets: [secret],
        });
        expect(() => verify(secret, signed)).not.toThrow();
        if (method === "JSON") expect(new Webhook(secret).verify(signed.body!, signed.headers)).toMatchObject({});
        expect(() => verify(generateSecret(), signed)).toThrow(/No matching signature/);
      });
    }
  }

  it("sets webhook-id, webhook-timestamp in unix seconds, and keeps the other headers", () => {
    const req = renderRequest(endpoint("JSON", "envelope"), event);
    const signed = signRequest(req, {
      msgId: "msg_abc",
      timestamp: new Date("2026-01-02T03:04:05.678Z"),
      secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
    });
    expect(signed.headers["webhook-id"]).toBe("msg_abc");
    expect(signed.headers["webhook-timestamp"]).toBe("1767323045");
    expect(signed.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(signed.headers["X-Tenant"]).toBe("acme");
    expect(signed.body).toBe(req.body);
    expect(signed.url).toBe(req.url);
    expect(req.headers["webhook-id"]).toBeUndefined();
  });

  it("matches the library's own signature byte for byte", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const timestamp = new Date("2026-01-02T03:04:05.000Z");
    const req = renderRequest(endpoint("POST", "mapped"), event);
    const signed = signRequest(req, { msgId: "msg_1", timestamp, secrets: [secret] });
    expect(signed.headers["webhook-signature"]).toBe(new Webhook(secret).sign("msg_1", timestamp, req.body!));
  });

  it("signs a GET over the whole query string, including the endpoint's own parameters", () => {
    const secret = generateSecret();
    const signed = signRequest(renderRequest(endpoint("GET", "mapped"), event), {
      msgId: "m",
      timestamp: new Date(),
      secrets: [secret],
    });
    const query = new URL(signed.url).search.slice(1);
    expect(query.startsWith("token=abc&transaction_id=1")).toBe(true);
    expect(() => verify(secret, signed, query)).not.toThrow();
    expect(() => verify(secret, signed, query.replace("token=abc&", ""))).toThrow();
  });

  it("fails verification when the body is tampered with", () => {
    for (const method of ["POST", "JSON", "XML"] as const) {
      const secret = generateSecret();
      const signed = signRequest(renderRequest(endpoint(method, "mapped"), event), {
        msgId: "m",
        timestamp: new Date(),
        secrets: [secret],
      });
      const tampered = signed.body!.replace("919812345678", "919812345679");
      expect(tampered).not.toBe(signed.body);
      expect(() => verify(secret, signed, tampered)).toThrow(/No matching signature/);
    }
  });

  it("signs with every secret during rotation, so either verifies", () => {
    const oldSecret = generateSecret();
    const newSecret = generateSecret();
    const signed = signRequest(renderRequest(endpoint("JSON", "envelope"), event), {
      msgId: "m",
      timestamp: new Date(),
      secrets: [oldSecret, newSecret],
    });
    expect(signed.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(() => verify(oldSecret, signed)).not.toThrow();
    expect(() => verify(newSecret, signed)).not.toThrow();
    expect(() => verify(generateSecret(), signed)).toThrow();
  });

  it("replaces webhook-* headers already present, whatever their case", () => {
    const req: HttpRequest = {
      method: "POST",
      url: "https://hooks.example.com/",
      headers: { "Webhook-Signature": "v1,forged", "webhook-id": "old" },
      body: "{}",
    };
    const signed = signRequest(req, { msgId: "new", timestamp: new Date(), secrets: [generateSecret()] });
    expect(Object.keys(signed.headers).sort()).toEqual(["webhook-id", "webhook-signature", "webhook-timestamp"]);
    expect(signed.headers["webhook-id"]).toBe("new");
  });

  it("refuses to sign without a secret", () => {
    const req = renderRequest(endpoint("JSON", "mapped"), event);
    expect(() => signRequest(req, { msgId: "m", timestamp: new Date(), secrets: [] })).toThrow();
  });
});
