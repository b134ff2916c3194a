import { serve } from "inngest/next";
import { getEnv } from "@/server/env";
import { inngest } from "@/server/inngest/client";
import { functions } from "@/server/inngest/functions";

export const runtime = "nodejs";
// One step is one attempt: a rate-limit wait, a receiver that may take 30 s, and recording it.
// Inngest's guide for Vercel uses 300 s (the most a Hobby plan's function may run).
export const maxDuration = 300;

const served = serve({ client: inngest, functions });

type Handler = (typeof served)["GET"];

/**
 * Inngest's endpoint, served only when Inngest is the runner. Otherwise it answers 404 with the
 * reason in plain words, not the SDK's "In cloud mode but no signing key found".
 */
function whenInngestRuns(handler: Handler): Handler {
  return ((...args: Parameters<Handler>) => {
    const env = getEnv();
    if (env.DELIVERY_RUNNER !== "inngest")
      return Response.json(
        {
          error: {
            code: "NOT_FOUND",
            message:
              "Inngest is not the delivery runner of this server (DELIVERY_RUNNER=local): webhooks are sent in-process. Set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY (or INNGEST_DEV=1 with a dev server) to run deliveries on Inngest.",
          },
        },
        { status: 404 },
      );
    return handler(...args);
  }) as Handler;
}

export const GET = whenInngestRuns(served.GET);
export const POST = whenInngestRuns(served.POST);
export const PUT = whenInngestRuns(served.PUT);
