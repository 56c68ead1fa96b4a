import type { TestProject } from "vitest/node";
import { startTestPostgres } from "./postgres";

// `npm run test:pg`: one throwaway PostgreSQL 15 server for the whole run; every test file (and every app
// server or worker a test starts) gets its own fresh database on it (see setup-env.ts and test-db.ts).

declare module "vitest" {
  export interface ProvidedContext {
    postgresServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  project.provide("postgresServerUrl", server.url);
  return () => server.destroy();
}
