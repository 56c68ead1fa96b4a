import { defineConfig } from "prisma/config";

// Used by the Prisma CLI only. The app applies migrations itself (lib/db/migrate.ts) at start-up.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations/sqlite" },
});
