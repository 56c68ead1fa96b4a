import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "@/lib/db/client";
import { createFrontServer, type FrontServerOptions } from "@/lib/server/create-front-server";

export type FrontServer = { url: string; server: Server; close: () => Promise<void> };

/**
 * The HTTP front end `npm start` serves (lib/server/create-front-server.ts) on a free loopback port, in this
 * test process, on the test file's database: ingest and health answer as in production; no dashboard
 * thread is started unless `dashboardSocket` names one.
 */
export async function startFrontServer(db: Db, options: Omit<FrontServerOptions, "db"> = {}): Promise<FrontServer> {
  const server = createFrontServer({ db, ...options });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
