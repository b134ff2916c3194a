import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { HttpRequest } from "@/server/delivery/types";
import { toCurl } from "./to-curl";

/** What a POSIX shell makes of the command's arguments (curl itself is never run). */
function shellArgs(command: string): string[] {
  const out = execFileSync("sh", ["-c", `printf '%s\\0' ${command.replace(/^curl /, "")}`], { encoding: "utf8" });
  return out.split("\0").slice(0, -1);
}

describe("toCurl", () => {
  it("quotes every argument so the shell passes them through untouched", () => {
    const req: HttpRequest = {
      method: "POST",
      url: "https://hooks.example.com/in?a=1&b=$HOME",
      headers: { "content-type": "application/xml", "X-Quote": `it's "quoted" $(id) \`x\``, "X-Empty": "" },
      body: `<?xml version="1.0"?><webhook><t>it's &amp; $PATH</t></webhook>\nline2`,
    };
    const command = toCurl(req);
    expect(command.startsWith("curl 'https://hooks.example.com/in?a=1&b=$HOME'")).toBe(true);
    expect(shellArgs(command)).toEqual([
      "https://hooks.example.com/in?a=1&b=$HOME",
      "-H",
      "content-type: application/xml",
      "-H",
      `X-Quote: it's "quoted" $(id) \`x\``,
      "-H",
      "X-Empty;",
      "--data-raw",
      req.body,
    ]);
  });

  it("sends a GET without -X or a body", () => {
    expect(
      toCurl({
        method: "GET",
        url: "https://h.example.com/?q=a+b",
        headers: { "user-agent": "Hookline-Webhooks/1.0" },
        body: null,
      }),
    ).toBe("curl 'https://h.example.com/?q=a+b' -H 'user-agent: Hookline-Webhooks/1.0'");
  });

  it("keeps an explicit POST without a body", () => {
    expect(toCurl({ method: "POST", url: "https://h.example.com/", headers: {}, body: null })).toBe(
      "curl -X POST 'https://h.example.com/'",
    );
  });
});
