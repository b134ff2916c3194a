import { accountRouter } from "./routers/account";
import { authRouter } from "./routers/auth";
import { resellerRouter } from "./routers/reseller";
import { storefrontRouter } from "./routers/storefront";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  account: accountRouter,
  reseller: resellerRouter,
  storefront: storefrontRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
