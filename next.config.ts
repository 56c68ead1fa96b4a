import type { NextConfig } from "next";
import { getEnv } from "./lib/env";

const nextConfig: NextConfig = {
  // Native and WASM-backed database packages are loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "@prisma/client",
  ],
  poweredByHeader: false,
  // Server actions are accepted from APP_URL's origin only (the front end sets X-Forwarded-Host from it;
  // lib/server/next-thread.ts sets the same list at run time, which is what `npm start` serves with).
  experimental: { serverActions: { allowedOrigins: [new URL(getEnv().APP_URL).host] } },
  // Types are checked by `npm test` (tsc --noEmit over the whole tree, tests included); the build
  // that `npm start` runs on first start should not fail over them.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
