import { testEndpoint } from "@/server/endpoints/test-endpoint";
import { json } from "@/server/rest/respond";
import { withApiKey } from "@/server/rest/with-api-key";

/** POST /api/v1/endpoints/{id}/test — sends a sample event now and reports what the endpoint answered. */
export const POST = withApiKey<{ id: string }>(
  async (ctx) => {
    const r = await testEndpoint(ctx, { id: ctx.params.id });
    return json({
      ok: r.ok,
      status: r.status,
      durationMs: r.durationMs,
      responseBody: r.responseBody,
      errorClass: r.errorClass,
      errorMessage: r.errorMessage,
      hint: r.hint,
      request: r.request,
    });
  },
  { writeLimit: "sendTestRequest" },
);
