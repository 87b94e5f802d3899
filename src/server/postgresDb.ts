/**
 * PostgreSQL adapter (`DATABASE_URL`): a `pg` pool. int8 is parsed as a
 * number, as PGlite does (counts and sequence numbers stay far below 2^53).
 */
import pg from 'pg';
import { DEFAULT_DB_TIMEOUT_MS, isDbUnavailable, type Db, type Queryable } from './db';

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? Number
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  connectionString: string;
  /** Schema to use instead of `public` (tests give each file its own). */
  schema?: string;
  max?: number;
  /** Statement and read timeout, ms (DB_TIMEOUT_MS); connecting may take a third of it, at most 5 s. */
  timeoutMs?: number;
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    query: async <T>(sql: string, params?: unknown[]) => {
      const result = await client.query(sql, params);
      return { rows: result.rows as T[] };
    },
    exec: async (sql: string) => {
      await client.query(sql);
    },
  };
}

export async function openPostgres(options: PostgresOptions): Promise<Db> {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new Error(`schema name "${options.schema}" must be lower-case letters, digits and _`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_DB_TIMEOUT_MS;
  // A database that accepts connections but never answers must not hang requests: every wait is
  // bounded, and a connection that timed out is dropped (pg-pool removes a client released with
  // an error), so the pool heals by itself once the database answers again.
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    types,
    // Connecting, and waiting for a free client of a full pool.
    connectionTimeoutMillis: Math.min(5_000, Math.ceil(timeoutMs / 3)),
    // Client side: a query with no answer (the network or server stalled) gives up.
    query_timeout: timeoutMs,
    // Server side: the same limit, so the server stops work nobody waits for.
    statement_timeout: timeoutMs,
    // A session left in a transaction (this process froze) lets go of its locks.
    idle_in_transaction_session_timeout: Math.max(60_000, 4 * timeoutMs),
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client's network error must not crash the server; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('select 1'); // fail at start, not on the first request
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        // A connection that cannot even roll back is dropped, not returned to the pool; one that
        // stopped answering is dropped at once (a ROLLBACK would only wait for the timeout again).
        if (isDbUnavailable(err)) broken = true;
        else await client.query('ROLLBACK').catch(() => (broken = true));
        throw err;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
