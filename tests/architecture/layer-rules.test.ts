import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layer rules are ESLint rules (eslint.layers.mjs); this proves they bite, on the real config.
const root = path.resolve(import.meta.dirname, "../..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function layerErrors(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === "import/no-restricted-paths").map((m) => m.message);
}

describe("layer rules", () => {
  it.each([
    [
      "server/endpoints/wrong.ts",
      'import { appRouter } from "@/server/api/root";\nexport const x = appRouter;',
      "never imports a transport",
    ],
    [
      "server/events/wrong.ts",
      'import { json } from "@/server/rest/respond";\nexport const x = json;',
      "never imports a transport",
    ],
    [
      "components/webhooks/wrong.tsx",
      'import { endpoints } from "@/db/schema";\nexport const x = endpoints;',
      "Components never import db",
    ],
    [
      "server/endpoints/wrong.ts",
      'import { GET } from "@/app/api/v1/endpoints/route";\nexport const x = GET;',
      "Nothing imports app",
    ],
    ["db/wrong.ts", 'import { getEnv } from "@/server/env";\nexport const x = getEnv;', "db/ is the bottom layer"],
    [
      "app/wrong/page.tsx",
      'import { getDb } from "@/server/db";\nimport { endpoints } from "@/db/schema";\nexport const x = [getDb, endpoints];',
      "never db/ directly",
    ],
    ["lib/wrong.ts", 'import { getEnv } from "@/server/env";\nexport const x = getEnv;', "lib/ is a leaf"],
    [
      "server/api/wrong.ts",
      'import { json } from "@/server/rest/respond";\nexport const x = json;',
      "separate transports",
    ],
  ])("%s: a forbidden import is an error", async (file, code, expected) => {
    const errors = await layerErrors(file, code);
    expect(errors.join("\n")).toContain(expected);
  });

  it("allows the arrows that point down", async () => {
    expect(
      await layerErrors(
        "server/api/routers/ok.ts",
        'import { listEndpoints } from "@/server/endpoints/list-endpoints";\nexport const x = listEndpoints;',
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        "app/ok/route.ts",
        'import { withApiKey } from "@/server/rest/with-api-key";\nexport const x = withApiKey;',
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        "server/endpoints/ok.ts",
        'import { endpoints } from "@/db/schema";\nexport const x = endpoints;',
      ),
    ).toEqual([]);
  });
});
