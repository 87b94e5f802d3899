/**
 * Schema migrations: numbered, applied in order at start, each in its own
 * transaction together with its row in `schema_migrations`, so a crash leaves
 * either the old schema or the new one. Never edit a migration that has
 * shipped: add the next number.
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
  {
    // Shipped text, left as it was: a push now locks its agency_seq row last, only to
    // number its batch (see applyBatch in sync.ts); numbers are still unique and
    // gap-free in commit order.
    version: 2,
    name: 'two-way sync: sequence, applied ops, entities, changes, conflicts, files',
    sql: `
      -- The agency's change sequence (the pull cursor). A push locks this row
      -- first, so pushes of one agency run one after another and their numbers
      -- are unique and gap-free in commit order.
      CREATE TABLE agency_seq (
        agency_id uuid PRIMARY KEY REFERENCES agencies (id),
        seq bigint NOT NULL DEFAULT 0
      );

      -- Ops received that changed nothing deliverable (every field lost to a
      -- newer stamp, or only a conflict was kept). An op that changed something
      -- is recorded by its row in changes (unique op id there): together they
      -- are every op applied, so a retry or a duplicated file is harmless.
      CREATE TABLE applied_ops (
        agency_id uuid NOT NULL,
        op_id text NOT NULL,
        device_id text NOT NULL,
        device_seq bigint NOT NULL,
        seq bigint,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_id, op_id)
      );

      -- Current state per record: field values and the stamp of each field.
      -- json, not jsonb: only ever read and written whole, and json is stored as
      -- sent (cheaper to write).
      CREATE TABLE entities (
        agency_id uuid NOT NULL,
        tbl text NOT NULL,
        id text NOT NULL,
        data json NOT NULL,
        stamps json NOT NULL,
        PRIMARY KEY (agency_id, tbl, id)
      );

      -- Accepted changes in delivery order: only the fields that won, with their
      -- stamps; one row per op at most (the op id is unique).
      CREATE TABLE changes (
        agency_id uuid NOT NULL,
        seq bigint NOT NULL,
        tbl text NOT NULL,
        id text NOT NULL,
        fields jsonb NOT NULL,
        stamps jsonb NOT NULL,
        op_id text NOT NULL,
        device_id text NOT NULL,
        server_time timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_id, seq),
        UNIQUE (agency_id, op_id)
      );

      -- A field two devices changed from the same base: both values, for a person.
      -- seq: when it was recorded; resolved_seq: when a device reported it settled.
      CREATE TABLE conflicts (
        agency_id uuid NOT NULL,
        id text NOT NULL,
        tbl text NOT NULL,
        record_id text NOT NULL,
        field text NOT NULL,
        winner jsonb NOT NULL,
        loser jsonb NOT NULL,
        seq bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_seq bigint,
        PRIMARY KEY (agency_id, id)
      );
      CREATE INDEX conflicts_agency_seq ON conflicts (agency_id, seq);
      CREATE INDEX conflicts_agency_resolved_seq ON conflicts (agency_id, resolved_seq)
        WHERE resolved_seq IS NOT NULL;

      -- Evidence files, content-addressed: variant 'file' is the upload whose
      -- SHA-256 is the key, 'thumb' its small preview.
      CREATE TABLE files (
        agency_id uuid NOT NULL,
        sha256 text NOT NULL,
        variant text NOT NULL CHECK (variant IN ('file', 'thumb')),
        type text NOT NULL,
        size integer NOT NULL,
        bytes bytea NOT NULL,
        device_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_id, sha256, variant)
      );

      -- Bytes stored per agency, checked and raised in the same statement (the quota).
      CREATE TABLE file_usage (
        agency_id uuid PRIMARY KEY REFERENCES agencies (id),
        bytes bigint NOT NULL DEFAULT 0
      );
    `,
  },
  {
    version: 3,
    name: 'enrol codes: keyed hash, uses, revocation; devices remember their code',
    sql: `
      -- From here on a code is 16 Crockford base32 characters (80 bits), stored
      -- as HMAC-SHA-256 keyed with the server secret, enrols "uses" devices
      -- (1 unless made for a room of phones) and can be revoked. Codes made
      -- before (SHA-256 of 10 characters, any number of devices) are withdrawn
      -- here, marked 'old_format': the agency asks for a new one.
      ALTER TABLE enrol_codes ADD COLUMN id uuid;
      UPDATE enrol_codes SET id = gen_random_uuid();
      ALTER TABLE enrol_codes ALTER COLUMN id SET NOT NULL;
      ALTER TABLE enrol_codes ADD CONSTRAINT enrol_codes_id_key UNIQUE (id);
      ALTER TABLE enrol_codes ADD COLUMN uses integer NOT NULL DEFAULT 1 CHECK (uses >= 1);
      ALTER TABLE enrol_codes ADD COLUMN used integer NOT NULL DEFAULT 0;
      ALTER TABLE enrol_codes ADD COLUMN revoked_at timestamptz;
      -- 'old_format' (this migration), 'revoke_code' (by the IT person),
      -- 'device_revoked' (the one device a single-use code enrolled was revoked).
      ALTER TABLE enrol_codes ADD COLUMN revoked_reason text;
      UPDATE enrol_codes SET revoked_at = now(), revoked_reason = 'old_format';
      CREATE INDEX enrol_codes_agency ON enrol_codes (agency_id, created_at);

      -- The code a device enrolled with (null: enrolled before this migration),
      -- and the SHA-256 of the random nonce its enrolment sent: a retry whose
      -- first answer was lost shows the same nonce and gets a token.
      ALTER TABLE devices ADD COLUMN enrol_code_id uuid;
      ALTER TABLE devices ADD COLUMN enrol_nonce_hash text;

      -- 'enrol_key': the key of the enrol code hashes when SERVER_SECRET is not
      -- set, made once by the first server or command that needs it.
      -- 'secret_check': an HMAC of a fixed text under SERVER_SECRET, so a server
      -- or command with another secret (or none) stops instead of making and
      -- checking codes that can never match.
      CREATE TABLE server_keys (
        name text PRIMARY KEY,
        value text NOT NULL
      );
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
export const DATA_TABLES = [
  'files',
  'file_usage',
  'conflicts',
  'changes',
  'entities',
  'applied_ops',
  'agency_seq',
  'exports',
  'devices',
  'enrol_codes',
  'agencies',
];
