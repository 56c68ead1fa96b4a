import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WASM-backed database packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "@prisma/client"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
