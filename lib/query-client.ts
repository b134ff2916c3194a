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

function isClientError(err: unknown) {
  const status = (err as { data?: { httpStatus?: number } })?.data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500;
}
