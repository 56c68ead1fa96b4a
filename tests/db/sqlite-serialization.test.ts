import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { sqliteFilePath } from "@/lib/db/sqlite-path";
import { getEnv } from "@/lib/env";
import { isPostgresRun, openTestDb, seedTenant } from "../helpers/test-db";

// The SQLite adapter shares one connection between transactions; PostgreSQL gives each its own.
describe.skipIf(isPostgresRun)("SQLite connection sharing", () => {
  it("keeps a plain write made while another transaction is open when that transaction rolls back", async () => {
    const db = await openTestDb();
    const tenant = await seedTenant(db);
    let signalOpen!: () => void;
    const isOpen = new Promise<void>((resolve) => (signalOpen = resolve));

    const failing = db
      .$transaction(async (tx) => {
        await tx.webhook.create({
          data: { id: "wh_rolledback000000000000000", projectId: tenant.projectId, name: "rolled back" },
        });
        signalOpen();
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error("abort this transaction");
      })
      .catch((error: Error) => error.message);

    await isOpen;
    // Issued while the transaction above is open on the same connection.
    await Promise.all([
      failing,
      db.webhook.create({ data: { id: "wh_kept00000000000000000000", projectId: tenant.projectId, name: "kept" } }),
    ]);

    expect(await failing).toBe("abort this transaction");
    const names = (await db.webhook.findMany({ where: { projectId: tenant.projectId } })).map((row) => row.name);
    expect(names).toEqual(["kept"]);
  });

  it("holds the write lock from the start of a transaction, so a read-then-write one never loses to another writer", async () => {
    const db = await openTestDb();
    const tenant = await seedTenant(db);
    // Another connection, as the ingest writer thread or another process has: it does not wait at all.
    const other = new Database(sqliteFilePath(getEnv().DATABASE_URL), { timeout: 0 });
    let otherWrite = "";
    try {
      await db.$transaction(async (tx) => {
        const before = await tx.webhook.count({ where: { projectId: tenant.projectId } });
        try {
          other.prepare(`UPDATE "Project" SET "name" = "name" WHERE "id" = ?`).run(tenant.projectId);
          otherWrite = "written";
        } catch (error) {
          otherWrite = (error as { code?: string }).code ?? "failed";
        }
        // Deferred, this transaction would now fail with SQLITE_BUSY_SNAPSHOT: the other one committed.
        await tx.webhook.create({
          data: { id: `wh_readwrite${"0".repeat(16)}`, projectId: tenant.projectId, name: `after ${before}` },
        });
      });
    } finally {
      other.close();
    }
    expect(otherWrite).toBe("SQLITE_BUSY");
    expect(await db.webhook.count({ where: { projectId: tenant.projectId } })).toBe(1);
  });
});
