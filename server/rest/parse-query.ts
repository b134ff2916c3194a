import type { z } from "zod";
import { findUnsafeInput } from "@/server/lib/find-unsafe-input";
import { RestError, zodIssues } from "./respond";

/**
 * The request's query string parsed with `schema`. Each parameter may be given once; pass a
 * `.strict()` schema so a misspelt filter is refused (422) instead of quietly listing everything.
 */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const params = new URL(req.url).searchParams;
  const repeated = [...new Set([...params.keys()].filter((k) => params.getAll(k).length > 1))];
  if (repeated.length) {
    throw new RestError(
      "validation_failed",
      "Give each query parameter once",
      repeated.map((k) => ({ path: [k], message: "is given more than once" })),
    );
  }
  const raw = Object.fromEntries(params);
  const unsafe = findUnsafeInput(raw);
  if (unsafe) throw new RestError("validation_failed", "The query parameters are not valid", [unsafe]);
  const query = schema.safeParse(raw);
  if (!query.success)
    throw new RestError("validation_failed", "The query parameters are not valid", zodIssues(query.error));
  return query.data;
}
