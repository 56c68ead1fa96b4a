import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import type { SqliteLock } from "./sqlite-lock";

/**
 * Prisma's better-sqlite3 adapter shares one connection between transactions and plain queries, and
 * only serialises transactions against each other. A plain write issued while another request's
 * interactive transaction is open runs inside that transaction — and is silently undone if it rolls
 * back. This wrapper puts plain queries and whole transactions in one FIFO queue on the connection,
 * so every statement runs either inside its own transaction or between transactions, never inside
 * someone else's.
 */
export function serializeSqliteAdapter(factory: PrismaBetterSqlite3, lock: SqliteLock): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      return serialize(await factory.connect(), lock);
    },
  };
}

function serialize(adapter: SqlDriverAdapter, lock: SqliteLock): SqlDriverAdapter {
  const acquire = () => lock.acquire();

  const once =
    <T>(work: () => Promise<T>) =>
    async () => {
      const release = await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    };

  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === "queryRaw") {
        return (query: Parameters<SqlDriverAdapter["queryRaw"]>[0]) => once(() => target.queryRaw(query))();
      }
      if (property === "executeRaw") {
        return (query: Parameters<SqlDriverAdapter["executeRaw"]>[0]) => once(() => target.executeRaw(query))();
      }
      if (property === "executeScript") {
        return (script: string) => once(() => target.executeScript(script))();
      }
      if (property === "startTransaction") {
        return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>): Promise<Transaction> => {
          const release = await acquire();
          let tx: Transaction;
          try {
            tx = await target.startTransaction(...args);
          } catch (error) {
            release();
            throw error;
          }
          try {
            await takeWriteLock(tx);
          } catch (error) {
            await tx.executeRaw(statement("ROLLBACK")).catch(() => undefined);
            await tx.rollback();
            release();
            throw error;
          }
          const end = (finish: () => Promise<void>) => async () => {
            try {
              await finish();
            } finally {
              release();
            }
          };
          return Object.assign(Object.create(tx) as Transaction, {
            commit: end(() => tx.commit()),
            rollback: end(() => tx.rollback()),
          });
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * The adapter begins transactions DEFERRED. In WAL mode a deferred transaction that reads, and then
 * writes after another connection (ingest's, the other thread's, another process's) has committed,
 * fails at once with SQLITE_BUSY_SNAPSHOT; the busy timeout never applies. A write statement first (one
 * that touches no row) takes the write lock at the start instead, waiting out other writers like BEGIN
 * IMMEDIATE does.
 */
async function takeWriteLock(tx: Transaction): Promise<void> {
  await tx.executeRaw(statement(`DELETE FROM "_hookbell_migrations" WHERE 0`));
}

function statement(sql: string) {
  return { sql, args: [], argTypes: [] };
}
