import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { db } from './client';

/**
 * Takes the case's row lock for the rest of the transaction, with a statement that writes nothing
 * new. Every transaction that reads a case's rows and then writes what it read them for starts
 * with it (numbering exhibits, the per-case order cap, the checklist's reasons):
 * - On PostgreSQL it is a NO KEY UPDATE lock, which does not block inserts of the case's rows.
 *   Under READ COMMITTED, two such transactions would each read from a snapshot without the
 *   other's write (two exhibits sharing a number, two imports both under the cap); behind the
 *   lock the second reads after the first has committed.
 * - On SQLite it is the database's write lock, taken by the transaction's first statement, which
 *   waits out the busy timeout for another connection's commit. A transaction that reads first
 *   and writes later cannot wait: when a job thread or the server commits in between, its write
 *   fails at once with SQLITE_BUSY_SNAPSHOT.
 */
export function lockCase(tx: Prisma.TransactionClient | typeof db, caseId: string) {
  return tx.$executeRaw`UPDATE "Case" SET "id" = "id" WHERE "id" = ${caseId}`;
}
