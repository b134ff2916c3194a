import { accountRouter } from "./routers/account";
import { apiKeysRouter } from "./routers/api-keys";
import { authRouter } from "./routers/auth";
import { deliveriesRouter } from "./routers/deliveries";
import { endpointsRouter } from "./routers/endpoints";
import { eventsRouter } from "./routers/events";
import { healthRouter } from "./routers/health";
import { notificationsRouter } from "./routers/notifications";
import { overviewRouter } from "./routers/overview";
import { resellerRouter } from "./routers/reseller";
import { storefrontRouter } from "./routers/storefront";
import { wabaNumbersRouter } from "./routers/waba-numbers";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  account: accountRouter,
  reseller: resellerRouter,
  storefront: storefrontRouter,
  deliveries: deliveriesRouter,
  endpoints: endpointsRouter,
  events: eventsRouter,
  health: healthRouter,
  overview: overviewRouter,
  notifications: notificationsRouter,
  apiKeys: apiKeysRouter,
  wabaNumbers: wabaNumbersRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
