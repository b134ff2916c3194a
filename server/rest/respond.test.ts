import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { conflict, DomainError, forbidden, invalid, notFound } from "@/server/errors";
import { errorResponse, RestError } from "./respond";

async function answer(err: unknown) {
  const res = errorResponse(err);
  return { status: res.status, body: await res.json() };
}

afterEach(() => vi.restoreAllMocks());

describe("errorResponse", () => {
  it("maps every domain error to its status and lower_snake code", async () => {
    expect(await answer(invalid("Bad", [{ path: ["url"], message: "Enter a URL" }]))).toEqual({
      status: 422,
      body: {
        error: { code: "validation_failed", message: "Bad", issues: [{ path: ["url"], message: "Enter a URL" }] },
      },
    });
    expect(await answer(notFound("Endpoint"))).toEqual({
      status: 404,
      body: { error: { code: "not_found", message: "Endpoint not found" } },
    });
    expect((await answer(conflict("Taken"))).status).toBe(409);
    expect((await answer(forbidden())).body.error.code).toBe("forbidden");
    expect((await answer(new DomainError("UNAUTHORIZED", "No key"))).status).toBe(401);
    expect(errorResponse(new DomainError("UNAUTHORIZED", "No key")).headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await answer(new DomainError("PAYLOAD_TOO_LARGE", "Big"))).status).toBe(413);
  });

  it("maps REST refusals and stray zod errors", async () => {
    expect((await answer(new RestError("invalid_json", "Nope"))).status).toBe(400);
    expect((await answer(new RestError("unsupported_media_type", "Nope"))).status).toBe(415);
    const zod = z.object({ a: z.string() }).safeParse({});
    expect(await answer(zod.error)).toMatchObject({
      status: 422,
      body: { error: { code: "validation_failed", issues: [{ path: ["a"] }] } },
    });
  });

  it("answers anything else with a logged 500 that leaks nothing", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await answer(new Error("connection string postgres://secret"));
    expect(res).toEqual({
      status: 500,
      body: { error: { code: "internal_error", message: expect.any(String), errorId: expect.stringMatching(/^err_/) } },
    });
    expect(res.body.error.message).toContain(res.body.error.errorId);
    expect(JSON.stringify(res.body)).not.toContain("secret");
    expect(log).toHaveBeenCalledOnce();
  });
});
