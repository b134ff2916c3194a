/**
 * Runs once per server process. The Node.js work lives in instrumentation-node.ts, imported only
 * on the Node.js runtime, so the Edge bundle never sees `process.exit` (Next warned on every request).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
