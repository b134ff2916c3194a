import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readJsonBody } from "./read-json-body";
import { RestError } from "./respond";

const schema = z.object({ name: z.string().min(1, "Enter a name") });

function post(body: string | null, headers: Record<string, string> = { "content-type": "application/json" }) {
  return new Request("http://localhost/api/v1/x", { method: "POST", body, headers });
}

async function refusal(req: Request, maxBytes?: number) {
  const err = await readJsonBody(req, schema, maxBytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RestError);
  return err as RestError;
}

describe("readJsonBody", () => {
  it("parses JSON with the schema, with or without a charset", async () => {
    expect(await readJsonBody(post('{"name":"a"}'), schema)).toEqual({ name: "a" });
    expect(
      await readJsonBody(post('{"name":"ü"}', { "content-type": "application/json; charset=utf-8" }), schema),
    ).toEqual({ name: "ü" });
    expect(
      await readJsonBody(post('{"name":"a"}', { "content-type": "application/merge-patch+json" }), schema),
    ).toEqual({ name: "a" });
  });

  it("refuses other content types with 415", async () => {
    expect((await refusal(post('{"name":"a"}', { "content-type": "text/plain" }))).code).toBe("unsupported_media_type");
    expect((await refusal(post('{"name":"a"}', {}))).code).toBe("unsupported_media_type");
  });

  it("refuses empty, malformed and non-UTF-8 bodies with invalid_json", async () => {
    expect((await refusal(post(""))).code).toBe("invalid_json");
    expect((await refusal(post("{'name': 1}"))).code).toBe("invalid_json");
    const latin1 = new Request("http://localhost/x", {
      method: "POST",
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
      headers: { "content-type": "application/json" },
    });
    expect((await refusal(latin1)).message).toMatch(/UTF-8/);
  });

  it("refuses bodies over the limit, counted in bytes, from Content-Length or while reading", async () => {
    expect((await refusal(post(JSON.stringify({ name: "x".repeat(200) })), 100)).code).toBe("payload_too_large");
    // 40 two-byte characters: 80 bytes of text plus the JSON around it.
    expect((await refusal(post(JSON.stringify({ name: "é".repeat(40) })), 80)).code).toBe("payload_too_large");
    const declared = post('{"name":"a"}', { "content-type": "application/json", "content-length": "5000000" });
    expect((await refusal(declared, 1024)).message).toBe("The request body is larger than 1 KB");
    expect(await readJsonBody(post(JSON.stringify({ name: "x".repeat(50) })), schema, 100)).toEqual({
      name: "x".repeat(50),
    });
  });

  it("turns schema failures into validation_failed with field issues", async () => {
    const err = await refusal(post('{"name":""}'));
    expect(err.code).toBe("validation_failed");
    expect(err.issues).toEqual([{ path: ["name"], message: "Enter a name" }]);
  });
});
