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

/** How long one query or transaction may take before the caller gets an error (DB_TIMEOUT_MS). */
export const DEFAULT_DB_TIMEOUT_MS = 15_000;

/** A database call that did not answer in time; the request answers 503. */
export class DbTimeout extends Error {
  override name = 'DbTimeout';
  readonly code = 'DB_TIMEOUT';
}

function within<T>(ms: number, work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new DbTimeout(`no answer from the database in ${ms} ms`)), ms);
    work().then(
      (value) => {
        clearTimeout(timer);
        resolvePromise(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/**
 * Every call on `db` answers within `ms`: with its result, or a DbTimeout.
 * The call itself is not cancelled (PGlite cannot cancel a query; pg has its
 * own timeouts below this one): a write the caller gave up on may still
 * commit, which the phone's retry then finds (pushes, uploads and files are
 * idempotent). This bounds how long a request waits on a database that
 * stopped answering, so the server answers 503 and recovers by itself.
 */
export function withTimeout(db: Db, ms: number): Db {
  return {
    kind: db.kind,
    query: (sql, params) => within(ms, () => db.query(sql, params)),
    exec: (sql) => within(ms, () => db.exec(sql)),
    transaction: (fn) => within(ms, () => db.transaction(fn)),
    close: () => db.close(),
  };
}

/** PostgreSQL SQLSTATE classes and driver messages that mean the database is not answering. */
const UNAVAILABLE_MESSAGES = [
  'Query read timeout',
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Connection terminated unexpectedly',
  'Client has encountered a connection error',
];

/** True for an error that says the database is unreachable or too slow (answer 503), not that the request is wrong. */
export function isDbUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (err instanceof DbTimeout) return true;
  if (typeof code === 'string') {
    // 57014 query_canceled (statement_timeout), 57P0x shutdown, 08xxx connection, 53300 too many connections.
    if (code === '57014' || code.startsWith('57P') || code.startsWith('08') || code === '53300') return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH'].includes(code)) return true;
  }
  return UNAVAILABLE_MESSAGES.some((m) => err.message.startsWith(m));
}
