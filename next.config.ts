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
    // The render pool's threads are started by the main thread; the dashboard only hands renders to it.
    "piscina",
    // The channel kinds' modules (lib/channels/kinds/) are loaded by the dashboard for their settings; their
    // senders' libraries run as Node loads them, as in the worker.
    "nodemailer",
    "@slack/webhook",
  ],
  poweredByHeader: false,
  experimental: {
    serverActions: {
      // The front end refuses a server action's body over 1 MB with 413 (lib/server/refuse-oversized-action.ts),
      // counting a chunked body as it streams, so up to one read past the limit reaches Next; Next's own
      // limit sits above that as a backstop (reached, it answers 500 and logs an error).
      bodySizeLimit: "2mb",
      // Accepted from APP_URL's origin only (the front end sets X-Forwarded-Host from it;
      // lib/server/next-thread.ts sets the same list at run time, which is what `npm start` serves with).
      allowedOrigins: [new URL(getEnv().APP_URL).host],
    },
  },
  // Types are checked by `npm test` (tsc --noEmit over the whole tree, tests included); the build
  // that `npm start` runs on first start should not fail over them.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
