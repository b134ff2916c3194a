import { notFound, redirect } from "next/navigation";
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

/**
 * The storefront of a public page, or elsewhere: a storefront that changed its slug keeps its old
 * links for 30 days (redirected to the same page under the new slug); otherwise the 404 page.
 */
export async function storefrontOrElsewhere(slug: string, page: "sign-up" | "sign-in") {
  const store = await loadStorefront(slug);
  if (store) return store;
  const moved = await (await serverCaller()).storefront.movedTo({ slug }).catch(() => null);
  if (moved) redirect(`/r/${moved.movedTo}/${page}`);
  notFound();
}
