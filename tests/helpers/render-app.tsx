import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, unstable_localLink } from "@trpc/client";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
// Next's own router contexts (not mocks of our code): they let client components that use
// useRouter / useSearchParams render outside a Next server, with the URL kept in state.
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { PathnameContext, SearchParamsContext } from "next/dist/shared/lib/hooks-client-context.shared-runtime";
import type { Session } from "next-auth";
import { Suspense, useMemo, useState, type ReactNode } from "react";
import superjson from "superjson";
import { makeQueryClient } from "@/lib/query-client";
import { TRPCProvider } from "@/components/trpc/react";
import { Toaster } from "@/components/ui/toast";
import { appRouter, type AppRouter } from "@/server/api/root";
import type { AppServices } from "@/server/app-services";

/** The tRPC context, as the app builds it: the services (the test's database and runner) and a session. */
export type AppContext = AppServices & { session: Session };

/**
 * Renders client components with the app's providers against the real tRPC router and database
 * (tRPC's local link: no HTTP server), as `session`'s user, starting at `start`. `navigations`
 * records every push/replace.
 */
export function renderApp(ctx: AppContext, children: ReactNode | ((url: URL) => ReactNode), start = "/") {
  const navigations: string[] = [];
  const queryClient = makeQueryClient();
  const trpcClient = createTRPCClient<AppRouter>({
    links: [unstable_localLink({ router: appRouter, transformer: superjson, createContext: async () => ctx })],
  });
  function Harness() {
    const [href, setHref] = useState(start);
    const url = useMemo(() => new URL(href, "http://localhost"), [href]);
    const router = useMemo<AppRouterInstance>(() => {
      const go = (to: string) => void (navigations.push(to), setHref(to));
      return { back() {}, forward() {}, refresh() {}, prefetch() {}, bfcacheId: "_b_0_", push: go, replace: go };
    }, []);
    return (
      <AppRouterContext.Provider value={router}>
        <PathnameContext.Provider value={url.pathname}>
          <SearchParamsContext.Provider value={url.searchParams}>
            <QueryClientProvider client={queryClient}>
              <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
                <Suspense fallback={<p>Loading…</p>}>
                  {typeof children === "function" ? children(url) : children}
                </Suspense>
                <Toaster />
              </TRPCProvider>
            </QueryClientProvider>
          </SearchParamsContext.Provider>
        </PathnameContext.Provider>
      </AppRouterContext.Provider>
    );
  }
  const { unmount } = render(<Harness />);
  return { navigations, user: userEvent.setup(), unmount };
}
