import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { acquirePgliteLock, PgliteInUseError } from "./pglite-lock";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), "hookline-lock-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

test("a directory held by another live process is refused with a clear message", async () => {
  const dir = tempDir();
  // A real second process holds it.
  const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
  try {
    writeFileSync(path.join(dir, "hookline.pid"), String(other.pid));
    expect(() => acquirePgliteLock(dir)).toThrow(PgliteInUseError);
    expect(() => acquirePgliteLock(dir)).toThrow(/in use by another process \(pid \d+.*stop that process/);
  } finally {
    other.kill();
  }
});

test("free or stale (its process gone) directories are taken; the same process may open it again", () => {
  const dir = tempDir();
  acquirePgliteLock(dir);
  expect(readFileSync(path.join(dir, "hookline.pid"), "utf8")).toBe(String(process.pid));
  acquirePgliteLock(dir);

  // Released (on close): another process may take it.
  acquirePgliteLock(dir)();
  expect(() => readFileSync(path.join(dir, "hookline.pid"), "utf8")).toThrow();

  const stale = tempDir();
  writeFileSync(path.join(stale, "hookline.pid"), "999999999");
  acquirePgliteLock(stale);
  expect(readFileSync(path.join(stale, "hookline.pid"), "utf8")).toBe(String(process.pid));
});
