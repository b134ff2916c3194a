/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native / WASM packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  poweredByHeader: false,
};

export default nextConfig;
