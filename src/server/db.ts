/**
 * The one database interface the server uses: PGlite (embedded, data in a
 * folder) and a real PostgreSQL through `pg` both sit behind it, with the same
 * SQL. Rows come back with int8 as numbers and timestamptz as Date on both.
 */
export interface Queryable {
  /** One statement with $1… parameters. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A timestamptz from either driver as an ISO instant. */
export function isoInstant(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}
