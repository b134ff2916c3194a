import { createApiKey } from "@/server/api-keys/create-api-key";
import { listApiKeys } from "@/server/api-keys/list-api-keys";
import { revokeApiKey } from "@/server/api-keys/revoke-api-key";
import { apiKeyIdSchema, createApiKeySchema } from "@/server/api-keys/schemas";
import { createTRPCRouter, protectedProcedure, writeLimit } from "../trpc";

export const apiKeysRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listApiKeys(ctx)),
  create: protectedProcedure
    .use(writeLimit("createApiKey"))
    .input(createApiKeySchema)
    .mutation(({ ctx, input }) => createApiKey(ctx, input)),
  revoke: protectedProcedure.input(apiKeyIdSchema).mutation(({ ctx, input }) => revokeApiKey(ctx, input)),
});
