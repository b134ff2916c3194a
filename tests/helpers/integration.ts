import { afterAll, afterEach, beforeAll } from "vitest";
import type { Db, DbHandle } from "@/db";
import type { AppServices } from "@/server/app-services";
import { LocalRunner, type LocalRunnerOptions } from "@/server/delivery/runners/local-runner";
import { createTestDb } from "./db";
import { startReceiver, type Receiver, type ReceiverHandler, type ReceiverOptions } from "./receiver";

/** A LocalRunner's options, the database aside (the fixture's). */
export type RunnerOptions = Omit<LocalRunnerOptions, "db">;

export type IntegrationOptions = {
  /**
   * A LocalRunner on the test database for the whole file (or describe block): started in
   * beforeAll unless `start: false` (the test starts it), stopped in afterAll. It is the runner in
   * `services`. Without it, `services.runner` is a LocalRunner that is never started: enqueue()
   * only wakes it, so deliveries stay pending.
   */
  runner?: RunnerOptions & { start?: boolean };
  /** A receiver for the whole file (or describe block), closed in afterAll: `true` or its handler/options. */
  receiver?: true | ReceiverHandler | ReceiverOptions;
};

export type Integration = {
  /** The test database (PGlite in memory, or a fresh database on TEST_DATABASE_URL). */
  readonly handle: DbHandle;
  readonly db: Db;
  /** The file's runner (see IntegrationOptions.runner). */
  readonly runner: LocalRunner;
  /** The file's receiver; only when asked for in the options. */
  readonly receiver: Receiver;
  /** `{ db, runner }` to inject into tRPC (createActor / renderApp) and REST (restClient, route.with). */
  readonly services: AppServices;
  /** A LocalRunner on the test database for this test only, not started; stopped after the test. */
  newRunner(opts?: RunnerOptions): LocalRunner;
  /** The same, started. */
  startRunner(opts?: RunnerOptions): LocalRunner;
  /** A receiver for this test only, closed after the test. */
  startReceiver(handlerOrOptions?: ReceiverHandler | ReceiverOptions): Promise<Receiver>;
};

/**
 * The one set-up of integration tests. Call it at the top of a test file (or a describe block):
 * it registers the hooks that create the test database (and, when asked, a runner and a receiver)
 * before the tests and close them after, and stops whatever a test started with newRunner /
 * startRunner / startReceiver after that test. Cleanup runs runners first (in-flight sends finish),
 * then receivers, then the database.
 *
 *   const h = setupIntegration({ runner: { idlePollMs: 50, attempt: { allowPrivateNetworks: true } } });
 *   test("…", async () => {
 *     const me = await createActor(h.services);
 *     await ingestEvents({ ...h.services, actor: me.actor }, sampleEvent("sms.dlr"));
 *   });
 */
export function setupIntegration(opts: IntegrationOptions = {}): Integration {
  let handle: DbHandle | undefined;
  let runner: LocalRunner | undefined;
  let receiver: Receiver | undefined;
  let testRunners: LocalRunner[] = [];
  let testReceivers: Receiver[] = [];

  beforeAll(async () => {
    handle = await createTestDb();
    if (opts.receiver) {
      receiver = await startReceiver(opts.receiver === true ? undefined : opts.receiver);
    }
    const { start = true, ...runnerOptions } = opts.runner ?? { start: false };
    runner = new LocalRunner({ ...runnerOptions, db: handle.db });
    if (opts.runner && start) runner.start();
  });

  afterEach(async () => {
    const [runners, receivers] = [testRunners, testReceivers];
    testRunners = [];
    testReceivers = [];
    for (const r of runners) await r.stop();
    for (const r of receivers) await r.close();
  });

  afterAll(async () => {
    await runner?.stop();
    await receiver?.close();
    await handle?.close();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) {
      throw new Error(`setupIntegration: no ${what} (it is set up in beforeAll, when asked for in the options)`);
    }
    return value;
  };

  const newRunner = (runnerOptions: RunnerOptions = {}) => {
    const r = new LocalRunner({ ...runnerOptions, db: ready(handle, "database").db });
    testRunners.push(r);
    return r;
  };

  return {
    get handle() {
      return ready(handle, "database");
    },
    get db() {
      return ready(handle, "database").db;
    },
    get runner() {
      return ready(runner, "runner");
    },
    get receiver() {
      return ready(receiver, "receiver");
    },
    get services() {
      return { db: ready(handle, "database").db, runner: ready(runner, "runner") };
    },
    newRunner,
    startRunner(runnerOptions) {
      const r = newRunner(runnerOptions);
      r.start();
      return r;
    },
    async startReceiver(handlerOrOptions) {
      const r = await startReceiver(handlerOrOptions);
      testReceivers.push(r);
      return r;
    },
  };
}
