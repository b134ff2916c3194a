import { serve } from "inngest/next";
import { inngest } from "@/server/inngest/client";
import { functions } from "@/server/inngest/functions";

export const runtime = "nodejs";
// Attempts can wait up to a second for a rate-limit slot and 30 s for a slow receiver.
export const maxDuration = 60;

export const { GET, POST, PUT } = serve({ client: inngest, functions });
