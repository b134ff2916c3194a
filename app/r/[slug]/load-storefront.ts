import { cache } from "react";
import { serverCaller } from "@/server/api/rsc";

/** A storefront by slug for its public pages; null (a 404 page) when there is none. Once per request. */
export const loadStorefront = cache(async (slug: string) => {
  try {
    return await (await serverCaller()).storefront.get({ slug });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") return null;
    throw err;
  }
});
