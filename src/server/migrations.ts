/**
 * Schema migrations: numbered, applied in order at start, each in its own
 * transaction together with its row in `schema_migrations`, so a crash leaves
 * either the old schema or the new one. Never edit a migration that has
 * shipped: add the next number. The two-way sync (a later issue) adds
 * applied_ops, changes, entities and conflicts as new migrations.
 */
import type { Db } from './db';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'agencies, enrol codes, devices, exports',
    sql: `
      CREATE TABLE agencies (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      -- Codes are kept only as SHA-256 hashes; one code enrols any number of
      -- the agency's devices until it expires.
      CREATE TABLE enrol_codes (
        code_hash text PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_used_at timestamptz
      );

      -- A device keeps the id it made itself; ids are scoped by agency so one
      -- agency can neither claim nor probe another's device ids.
      CREATE TABLE devices (
        agency_id uuid NOT NULL REFERENCES agencies (id),
        id text NOT NULL,
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        token_issued_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        PRIMARY KEY (agency_id, id)
      );

      -- Export ids are unique per agency: the same id from another agency is
      -- another export, so an upload never reveals what others stored.
      CREATE TABLE exports (
        agency_id uuid NOT NULL REFERENCES agencies (id),
        id uuid NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        device_id text NOT NULL,
        exported_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        plans integer NOT NULL,
        bytes integer NOT NULL,
        body_hash text NOT NULL,
        body jsonb NOT NULL,
        PRIMARY KEY (agency_id, id),
        FOREIGN KEY (agency_id, device_id) REFERENCES devices (agency_id, id)
      );
      CREATE INDEX exports_agency_seq ON exports (agency_id, seq DESC);
    `,
  },
];

/** Any constant: serialises migrations of servers starting at once on one PostgreSQL. */
const MIGRATION_LOCK = 5_120_342;

/**
 * Applies the migrations not applied yet, all in one transaction (PostgreSQL
 * DDL is transactional); returns their versions.
 */
export async function migrate(db: Db, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}

/** The tables a test empties between tests, children first. */
export const DATA_TABLES = ['exports', 'devices', 'enrol_codes', 'agencies'];
