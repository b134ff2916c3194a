import "@testing-library/jest-dom/vitest";
import { afterEach } from "vitest";

// Without vitest globals, @testing-library/react does not unmount between tests by itself.
afterEach(async () => {
  if (typeof document === "undefined") return;
  const { cleanup } = await import("@testing-library/react");
  cleanup();
});
