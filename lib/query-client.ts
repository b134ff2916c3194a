import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30 * 1000, retry: (count, err) => count < 2 && !isClientError(err) },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (q) => defaultShouldDehydrateQuery(q) || q.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}

const CLIENT_ERROR_CODES = new Set([
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "TOO_MANY_REQUESTS",
  "UNPROCESSABLE_CONTENT",
]);

/**
 * A 4xx is not retried: in the browser it arrives as a TRPCClientError with `data.httpStatus`;
 * on the server (RSC prefetch) as a TRPCError with only its `code` — retrying that cost every
 * unknown-id page 3 s of back-off before its 404.
 */
function isClientError(err: unknown) {
  const e = err as { data?: { httpStatus?: number }; code?: unknown };
  const status = e?.data?.httpStatus;
  if (typeof status === "number") return status >= 400 && status < 500;
  return typeof e?.code === "string" && CLIENT_ERROR_CODES.has(e.code);
}
