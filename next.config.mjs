/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native / WASM packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  poweredByHeader: false,
  // The dev indicator sat on top of Sign out (bottom left of the sidebar).
  devIndicators: { position: "bottom-right" },
};

export default nextConfig;
