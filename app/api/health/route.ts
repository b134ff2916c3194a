import { getDbHandle } from "@/server/db";
import { getEnv } from "@/server/env";
import { checkServiceHealth } from "@/server/health/check-service-health";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/health: 200 when the database is reachable and migrated, else 503; details in the body. */
export async function GET() {
  const health = await checkServiceHealth({ getHandle: getDbHandle, runner: getEnv().DELIVERY_RUNNER });
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
