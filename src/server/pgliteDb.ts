/**
 * PGlite adapter: PostgreSQL compiled to WebAssembly, in this process, with
 * its files in one folder. One process may open a folder at a time (see
 * lockFile.ts); queries and transactions are serialised by PGlite itself.
 */
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import type { Db, Queryable } from './db';

interface PgliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

function wrap(target: PgliteLike): Queryable {
  return {
    query: async <T>(sql: string, params?: unknown[]) => ({
      rows: (await target.query<T>(sql, params)).rows,
    }),
    exec: async (sql: string) => {
      await target.exec(sql);
    },
  };
}

/** Opens (and on first use initialises, ~10 s on a disk) the database in `dir`. */
export async function openPglite(dir: string): Promise<Db> {
  mkdirSync(dir, { recursive: true });
  const pg = await PGlite.create(dir);
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
