import { NextRequest } from "next/server";
import { expect, test } from "vitest";
import { GET, POST, PUT } from "@/app/api/inngest/route";
import { getEnv } from "@/server/env";

test("with the local runner, /api/inngest says plainly that Inngest is not the runner (404), for every method", async () => {
  expect(getEnv().DELIVERY_RUNNER).toBe("local"); // the test configuration's runner
  for (const handler of [GET, POST, PUT]) {
    const res = await handler(
      new NextRequest("http://127.0.0.1:3000/api/inngest", { method: "PUT", body: "{}" }),
      undefined as never,
    );
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toContain("Inngest is not the delivery runner of this server (DELIVERY_RUNNER=local)");
    expect(body.error.message).not.toContain("signing key found");
  }
});
