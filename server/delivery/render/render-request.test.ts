import { describe, expect, it } from "vitest";
import type { EndpointConfig, WebhookEvent } from "@/server/delivery/types";
import { renderRequest } from "./render-request";

function endpoint(overrides: Partial<EndpointConfig> = {}): EndpointConfig {
  return {
    id: "ep_1",
    url: "https://hooks.example.com/dlr",
    method: "POST",
    payloadFormat: "mapped",
    paramMap: {},
    customParams: [],
    customHeaders: [],
    timeoutMs: 5000,
    ...overrides,
  };
}

const dlr: WebhookEvent = {
  id: "evt_01",
  type: "sms.dlr",
  createdAt: new Date("2025-12-31T10:15:33.000Z"),
  data: {
    transaction_id: "81934341034091431",
    message_id: "shdgMj33hk8",
    mobile: "919812345678",
    status: "delivered",
    error_code: "000",
    error_description: "",
    parts: 1,
    final: true,
    client_ref: null,
    extra: undefined,
  },
};

const mo: WebhookEvent = {
  id: "evt_02",
  type: "whatsapp.mo",
  createdAt: new Date("2025-12-31T10:15:30.000Z"),
  data: {
    message_id: "wamid.X",
    from: "919152349309",
    type: "image",
    media: { id: "m1", mime_type: "image/png" },
    context: { message_id: "wamid.Y" },
  },
};

const dlrFormPairs = [
  ["transaction_id", "81934341034091431"],
  ["message_id", "shdgMj33hk8"],
  ["mobile", "919812345678"],
  ["status", "delivered"],
  ["error_code", "000"],
  ["error_description", ""],
  ["parts", "1"],
  ["final", "true"],
];

describe("renderRequest — mapped", () => {
  it("POST sends a form body with canonical names, in data order, nulls omitted", () => {
    const req = renderRequest(endpoint(), dlr);
    expect(req.method).toBe("POST");
    expect(req.url).toBe("https://hooks.example.com/dlr");
    expect(req.headers).toEqual({
      "content-type": "application/x-www-form-urlencoded",
      "user-agent": "Hookline-Webhooks/1.0",
    });
    expect(req.body).toBe(
      "transaction_id=81934341034091431&message_id=shdgMj33hk8&mobile=919812345678&status=delivered" +
        "&error_code=000&error_description=&parts=1&final=true",
    );
    expect([...new URLSearchParams(req.body!)]).toEqual(dlrFormPairs);
  });

  it("GET appends fields to the URL's own query string, drops the fragment, has no body or content-type", () => {
    const req = renderRequest(
      endpoint({ method: "GET", url: "https://hooks.example.com/dlr?token=a%20b&x=1#frag" }),
      dlr,
    );
    expect(req.method).toBe("GET");
    expect(req.body).toBeNull();
    expect(req.headers).toEqual({ "user-agent": "Hookline-Webhooks/1.0" });
    const url = new URL(req.url);
    expect(url.hash).toBe("");
    expect(req.url.startsWith("https://hooks.example.com/dlr?token=a%20b&x=1&transaction_id=8193")).toBe(true);
    expect([...url.searchParams]).toEqual([["token", "a b"], ["x", "1"], ...dlrFormPairs]);
  });

  it("GET on a URL without a query string gets one", () => {
    const req = renderRequest(endpoint({ method: "GET", url: "http://hooks.example.com/in" }), mo);
    expect(req.url).toBe(
      "http://hooks.example.com/in?message_id=wamid.X&from=919152349309&type=image&media_id=m1" +
        "&media_mime_type=image%2Fpng&context_message_id=wamid.Y",
    );
  });

  it("JSON keeps native types in a flat object", () => {
    const req = renderRequest(endpoint({ method: "JSON" }), dlr);
    expect(req.method).toBe("POST");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.body).toBe(
      '{"transaction_id":"81934341034091431","message_id":"shdgMj33hk8","mobile":"919812345678",' +
        '"status":"delivered","error_code":"000","error_description":"","parts":1,"final":true}',
    );
  });

  it("XML is a flat <webhook> document", () => {
    const req = renderRequest(endpoint({ method: "XML" }), mo);
    expect(req.method).toBe("POST");
    expect(req.headers["content-type"]).toBe("application/xml");
    expect(req.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><webhook><message_id>wamid.X</message_id>' +
        "<from>919152349309</from><type>image</type><media_id>m1</media_id>" +
        "<media_mime_type>image/png</media_mime_type><context_message_id>wamid.Y</context_message_id></webhook>",
    );
  });

  it("flattens nested objects with _ and renames through paramMap (flat or dotted key)", () => {
    const req = renderRequest(
      endpoint({ method: "JSON", paramMap: { message_id: "MsgId", "media.id": "MediaRef", media_mime_type: "Mime" } }),
      mo,
    );
    expect(JSON.parse(req.body!)).toEqual({
      MsgId: "wamid.X",
      from: "919152349309",
      type: "image",
      MediaRef: "m1",
      Mime: "image/png",
      context_message_id: "wamid.Y",
    });
    expect(Object.keys(JSON.parse(req.body!))).toEqual([
      "MsgId",
      "from",
      "type",
      "MediaRef",
      "Mime",
      "context_message_id",
    ]);
  });

  it("applies the DLR parameter map for every flat method", () => {
    const paramMap = { transaction_id: "txn", message_id: "msgid", mobile: "msisdn", error_code: "err", blank: "" };
    const post = renderRequest(endpoint({ paramMap }), dlr);
    expect(new URLSearchParams(post.body!).get("txn")).toBe("81934341034091431");
    expect(new URLSearchParams(post.body!).get("transaction_id")).toBeNull();
    const get = renderRequest(endpoint({ method: "GET", paramMap }), dlr);
    expect(new URL(get.url).searchParams.get("msisdn")).toBe("919812345678");
    const xml = renderRequest(endpoint({ method: "XML", paramMap }), dlr);
    expect(xml.body).toContain("<txn>81934341034091431</txn><msgid>shdgMj33hk8</msgid><msisdn>919812345678</msisdn>");
    expect(xml.body).toContain("<err>000</err>");
  });

  it("an empty mapping keeps the canonical name, and inherited object keys are never used as mappings", () => {
    const event: WebhookEvent = { ...dlr, data: { constructor: "x", toString: "y", status: "read" } };
    const req = renderRequest(endpoint({ method: "JSON", paramMap: { status: " " } }), event);
    expect(req.body).toBe('{"constructor":"x","toString":"y","status":"read"}');
  });

  it("appends custom params after mapped fields; one with a mapped field's name replaces it in place", () => {
    const ep = endpoint({
      paramMap: { status: "state" },
      customParams: [
        { key: "api_key", value: "k&1=2" },
        { key: "state", value: "overridden" },
        { key: "", value: "ignored" },
      ],
    });
    const pairs = [...new URLSearchParams(renderRequest(ep, dlr).body!)];
    expect(pairs.map(([k]) => k)).toEqual([
      "transaction_id",
      "message_id",
      "mobile",
      "state",
      "error_code",
      "error_description",
      "parts",
      "final",
      "api_key",
    ]);
    expect(Object.fromEntries(pairs)).toMatchObject({ state: "overridden", api_key: "k&1=2" });

    const json = JSON.parse(renderRequest({ ...ep, method: "JSON" }, dlr).body!);
    expect(json.state).toBe("overridden");
    expect(json.api_key).toBe("k&1=2");
  });

  it("is deterministic", () => {
    const ep = endpoint({ method: "XML", customParams: [{ key: "a", value: "1" }] });
    expect(renderRequest(ep, mo)).toEqual(renderRequest(ep, mo));
  });
});

describe("renderRequest — envelope", () => {
  it("JSON is { id, type, timestamp, data } with data untouched by paramMap", () => {
    const req = renderRequest(
      endpoint({ method: "JSON", payloadFormat: "envelope", paramMap: { mobile: "msisdn" } }),
      dlr,
    );
    expect(req.headers["content-type"]).toBe("application/json");
    const body = JSON.parse(req.body!);
    expect(Object.keys(body)).toEqual(["id", "type", "timestamp", "data"]);
    expect(body).toEqual({
      id: "evt_01",
      type: "sms.dlr",
      timestamp: "2025-12-31T10:15:33.000Z",
      data: {
        transaction_id: "81934341034091431",
        message_id: "shdgMj33hk8",
        mobile: "919812345678",
        status: "delivered",
        error_code: "000",
        error_description: "",
        parts: 1,
        final: true,
        client_ref: null,
      },
    });
  });

  it("JSON carries custom params in a params object", () => {
    const req = renderRequest(
      endpoint({ method: "JSON", payloadFormat: "envelope", customParams: [{ key: "tenant", value: "acme" }] }),
      mo,
    );
    const body = JSON.parse(req.body!);
    expect(Object.keys(body)).toEqual(["id", "type", "timestamp", "data", "params"]);
    expect(body.params).toEqual({ tenant: "acme" });
    expect(body.data.media).toEqual({ id: "m1", mime_type: "image/png" });
  });

  it("XML nests data elements", () => {
    const req = renderRequest(
      endpoint({ method: "XML", payloadFormat: "envelope", customParams: [{ key: "tenant", value: "acme" }] }),
      mo,
    );
    expect(req.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><webhook><id>evt_02</id><type>whatsapp.mo</type>' +
        "<timestamp>2025-12-31T10:15:30.000Z</timestamp><data><message_id>wamid.X</message_id>" +
        "<from>919152349309</from><type>image</type><media><id>m1</id><mime_type>image/png</mime_type></media>" +
        "<context><message_id>wamid.Y</message_id></context></data><params><tenant>acme</tenant></params></webhook>",
    );
  });

  it("XML writes arrays as repeated <item> elements and omits nulls", () => {
    const event: WebhookEvent = { ...mo, data: { tags: ["a", "b"], none: null, n: 2, yes: false } };
    const req = renderRequest(endpoint({ method: "XML", payloadFormat: "envelope" }), event);
    expect(req.body).toContain("<data><tags><item>a</item><item>b</item></tags><n>2</n><yes>false</yes></data>");
  });

  it("POST flattens the envelope to id, type, timestamp and data_<field>", () => {
    const req = renderRequest(
      endpoint({ payloadFormat: "envelope", customParams: [{ key: "tenant", value: "acme" }] }),
      mo,
    );
    expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect([...new URLSearchParams(req.body!)]).toEqual([
      ["id", "evt_02"],
      ["type", "whatsapp.mo"],
      ["timestamp", "2025-12-31T10:15:30.000Z"],
      ["data_message_id", "wamid.X"],
      ["data_from", "919152349309"],
      ["data_type", "image"],
      ["data_media_id", "m1"],
      ["data_media_mime_type", "image/png"],
      ["data_context_message_id", "wamid.Y"],
      ["tenant", "acme"],
    ]);
  });

  it("GET puts the flattened envelope in the query string", () => {
    const req = renderRequest(endpoint({ method: "GET", payloadFormat: "envelope" }), dlr);
    expect(req.body).toBeNull();
    const params = new URL(req.url).searchParams;
    expect(params.get("id")).toBe("evt_01");
    expect(params.get("timestamp")).toBe("2025-12-31T10:15:33.000Z");
    expect(params.get("data_final")).toBe("true");
    expect(params.get("data_parts")).toBe("1");
    expect(params.has("data_client_ref")).toBe(false);
  });
});

describe("renderRequest — escaping", () => {
  const tricky: WebhookEvent = {
    ...dlr,
    data: {
      text: `Tom & Jerry <b>"hi"</b> it's`,
      eq: "a=b&c=d e+f",
      unicode: "नमस्ते 👋 ünïcödé",
      control: "bell\u0007null\u0000tab\tline\nend",
      cr: "a\r\nb",
    },
  };

  it("JSON bodies write a bigint as a string, nested too, and keep every other value as is", () => {
    const req = renderRequest(endpoint({ method: "JSON", payloadFormat: "envelope" }), {
      ...dlr,
      data: { count: 12345678901234567890n, nested: { n: 1n, ok: true, text: "x" } },
    });
    expect(JSON.parse(req.body!).data).toEqual({
      count: "12345678901234567890",
      nested: { n: "1", ok: true, text: "x" },
    });
  });

  it("form bodies encode & = + and spaces and survive a round trip", () => {
    const req = renderRequest(endpoint(), tricky);
    expect(req.body).toContain("eq=a%3Db%26c%3Dd+e%2Bf");
    const parsed = new URLSearchParams(req.body!);
    expect(parsed.get("text")).toBe(`Tom & Jerry <b>"hi"</b> it's`);
    expect(parsed.get("eq")).toBe("a=b&c=d e+f");
    expect(parsed.get("unicode")).toBe("नमस्ते 👋 ünïcödé");
    expect(parsed.get("control")).toBe("bell\u0007null\u0000tab\tline\nend");
  });

  it("query strings encode the same way", () => {
    const req = renderRequest(endpoint({ method: "GET", url: "https://hooks.example.com/q?k=v" }), tricky);
    const parsed = new URL(req.url).searchParams;
    expect(parsed.get("k")).toBe("v");
    expect(parsed.get("eq")).toBe("a=b&c=d e+f");
    expect(parsed.get("unicode")).toBe("नमस्ते 👋 ünïcödé");
    expect(req.url).not.toContain(" ");
  });

  it("XML escapes & < > \" ' , keeps unicode, strips control characters", () => {
    const req = renderRequest(endpoint({ method: "XML" }), tricky);
    expect(req.body).toContain("<text>Tom &amp; Jerry &lt;b&gt;&quot;hi&quot;&lt;/b&gt; it&apos;s</text>");
    expect(req.body).toContain("<eq>a=b&amp;c=d e+f</eq>");
    expect(req.body).toContain("<unicode>नमस्ते 👋 ünïcödé</unicode>");
    expect(req.body).toContain("<control>bellnulltab\tline\nend</control>");
    expect(req.body).toContain("<cr>a&#13;\nb</cr>");
  });

  it("XML element names are made valid", () => {
    const req = renderRequest(endpoint({ method: "XML", paramMap: { text: "Message Text", eq: "1st<x>" } }), tricky);
    expect(req.body).toContain("<Message_Text>");
    expect(req.body).toContain("<_1st_x_>a=b&amp;c=d e+f</_1st_x_>");
  });

  it("JSON escapes by JSON rules and keeps unicode", () => {
    const req = renderRequest(endpoint({ method: "JSON" }), tricky);
    expect(JSON.parse(req.body!)).toEqual(tricky.data);
  });
});

describe("renderRequest — headers", () => {
  it("adds custom headers with names as given after ours", () => {
    const req = renderRequest(
      endpoint({
        method: "JSON",
        customHeaders: [
          { name: "Authorization", value: "Bearer abc" },
          { name: "X-Tenant", value: "acme" },
        ],
      }),
      dlr,
    );
    expect(req.headers).toEqual({
      "content-type": "application/json",
      "user-agent": "Hookline-Webhooks/1.0",
      Authorization: "Bearer abc",
      "X-Tenant": "acme",
    });
    expect(Object.keys(req.headers)).toEqual(["content-type", "user-agent", "Authorization", "X-Tenant"]);
  });

  it("lets a custom header replace content-type or user-agent, never reserved ones", () => {
    const req = renderRequest(
      endpoint({
        method: "XML",
        customHeaders: [
          { name: "Content-Type", value: "text/xml; charset=utf-8" },
          { name: "Host", value: "internal" },
          { name: "Content-Length", value: "1" },
          { name: "Webhook-Signature", value: "v1,forged" },
          { name: "Transfer-Encoding", value: "chunked" },
          { name: "Bad Name", value: "x" },
          { name: "X-Injected", value: "a\r\nX-Evil: 1" },
        ],
      }),
      dlr,
    );
    expect(req.headers).toEqual({
      "user-agent": "Hookline-Webhooks/1.0",
      "Content-Type": "text/xml; charset=utf-8",
      "X-Injected": "a  X-Evil: 1",
    });
  });
});
