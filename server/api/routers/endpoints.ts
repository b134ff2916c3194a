import { z } from "zod";
import { createEndpoint } from "@/server/endpoints/create-endpoint";
import { deleteEndpoint } from "@/server/endpoints/delete-endpoint";
import { getEndpoint } from "@/server/endpoints/get-endpoint";
import { listEndpoints } from "@/server/endpoints/list-endpoints";
import { previewRequest } from "@/server/endpoints/preview-request";
import { revealEndpointSecret } from "@/server/endpoints/reveal-endpoint-secret";
import { rotateEndpointSecret } from "@/server/endpoints/rotate-endpoint-secret";
import { endpointDraftSchema, endpointInputSchema, endpointUpdateSchema } from "@/server/endpoints/schemas";
import { setEndpointStatus } from "@/server/endpoints/set-endpoint-status";
import { testEndpoint } from "@/server/endpoints/test-endpoint";
import { updateEndpoint } from "@/server/endpoints/update-endpoint";
import { createTRPCRouter, protectedProcedure, writeLimit } from "../trpc";

const byId = z.object({ id: z.string().min(1).max(64) });

export const endpointsRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listEndpoints(ctx)),
  get: protectedProcedure.input(byId).query(({ ctx, input }) => getEndpoint(ctx, input)),
  create: protectedProcedure
    .use(writeLimit("createEndpoint"))
    .input(endpointInputSchema)
    .mutation(({ ctx, input }) => createEndpoint(ctx, input)),
  update: protectedProcedure
    .input(byId.extend({ data: endpointUpdateSchema }))
    .mutation(({ ctx, input }) => updateEndpoint(ctx, input)),
  delete: protectedProcedure.input(byId).mutation(({ ctx, input }) => deleteEndpoint(ctx, input)),
  test: protectedProcedure
    .use(writeLimit("sendTestRequest"))
    .input(byId)
    .mutation(({ ctx, input }) => testEndpoint(ctx, input)),
  testDraft: protectedProcedure
    .use(writeLimit("sendTestRequest"))
    .input(endpointDraftSchema)
    .mutation(({ ctx, input }) => testEndpoint(ctx, { draft: input })),
  preview: protectedProcedure.input(endpointDraftSchema).query(({ input }) => previewRequest(input)),
  rotateSecret: protectedProcedure.input(byId).mutation(({ ctx, input }) => rotateEndpointSecret(ctx, input)),
  revealSecret: protectedProcedure.input(byId).query(({ ctx, input }) => revealEndpointSecret(ctx, input)),
  setStatus: protectedProcedure
    .input(byId.extend({ status: z.enum(["active", "paused"]) }))
    .mutation(async ({ ctx, input }) => setEndpointStatus(ctx, input)),
});
