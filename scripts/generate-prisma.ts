// Generates one Prisma client per provider from the single source prisma/schema.prisma.
// The PostgreSQL schema differs only in its datasource provider and output folder, so the two can't drift.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");

export function derivePostgresSchema(sqliteSchema: string, outputDir: string): string {
  const swapped = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"[^"]*"/, `output = ${JSON.stringify(outputDir)}`);
  if (swapped === sqliteSchema || !swapped.includes('"postgresql"')) {
    throw new Error('prisma/schema.prisma must declare provider = "sqlite" in its datasource');
  }
  return swapped;
}

const tmp = mkdtempSync(path.join(tmpdir(), "hookbell-prisma-"));
try {
  const pgSchema = path.join(tmp, "schema.prisma");
  writeFileSync(pgSchema, derivePostgresSchema(source, path.join(root, "lib/db/generated/postgresql")));
  // `prisma generate` needs no schema engine; naming a no-op binary keeps the CLI from downloading one.
  const noop = existsSync("/bin/true") ? "/bin/true" : "/usr/bin/true";
  const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? noop };
  const prisma = path.join(root, "node_modules/.bin/prisma");
  for (const schema of [path.join(root, "prisma/schema.prisma"), pgSchema]) {
    execFileSync(prisma, ["generate", "--schema", schema], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
