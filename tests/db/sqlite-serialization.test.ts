import { describe, expect, it } from "vitest";
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
});
