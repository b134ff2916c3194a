import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type SentEvent = { name: string; id?: string; data: Record<string, unknown> };

export type FakeInngest = {
  /** Base URL for an Inngest client (`baseUrl`): events arrive at POST /e/<key>. */
  url: string;
  events: SentEvent[];
  close: () => Promise<void>;
};

/**
 * Inngest's event API on 127.0.0.1, as far as sending events goes: records every event and
 * answers the way Inngest does (`{ ids, status: 200 }`). No runs are scheduled.
 */
export async function startFakeInngest(): Promise<FakeInngest> {
  const events: SentEvent[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      if (req.method !== "POST" || !req.url?.startsWith("/e/")) {
        res.writeHead(404).end();
        return;
      }
      const parsed = JSON.parse(body) as SentEvent | SentEvent[];
      const batch = Array.isArray(parsed) ? parsed : [parsed];
      events.push(...batch);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ids: batch.map((e, i) => e.id ?? `evt-${events.length + i}`), status: 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    events,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
