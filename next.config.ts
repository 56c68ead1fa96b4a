import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WASM-backed database packages are loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "@prisma/client",
    // The render pool's threads are started by the main thread; the dashboard only hands renders to it.
    "piscina",
  ],
  poweredByHeader: false,
  // Types are checked by `npm test` (tsc --noEmit over the whole tree, tests included); the build
  // that `npm start` runs on first start should not fail over them.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
