/**
 * Agencies, their enrol codes and their devices. Everything secret is stored
 * as a hash (secrets.ts); these functions take and return the plain values
 * only at the moment they are made.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { isoInstant, type Db, type Queryable } from './db';
import {
  ENROL_CODE_PATTERN,
  hashEnrolCode,
  newEnrolCode,
  newServerSecret,
  newToken,
  normaliseEnrolCode,
  sha256,
} from './secrets';

/** How long an enrol code works. */
export const ENROL_CODE_DAYS = 7;
/** The most devices one code may enrol (`--uses N`, a room of phones). */
export const MAX_CODE_USES = 500;

const keys = new WeakMap<Db, { secret: string | undefined; key: Promise<string> }>();

const CHECK_TEXT = 'ita-tracker SERVER_SECRET check';

/**
 * The key of the enrol code hashes: SERVER_SECRET when set (then a copy of
 * the database alone cannot test guesses), else a random key made once and
 * kept in the database. The database remembers which: a server or command
 * with another SERVER_SECRET, or without the one its codes were made with,
 * fails here with a message instead of making codes that never match.
 */
export function enrolKey(db: Db): Promise<string> {
  const secret = process.env.SERVER_SECRET || undefined;
  const cached = keys.get(db);
  if (cached && cached.secret === secret) return cached.key;
  const key = readKey(db, secret);
  key.catch(() => keys.delete(db));
  keys.set(db, { secret, key });
  return key;
}

async function readKey(db: Db, secret: string | undefined): Promise<string> {
  if (secret !== undefined && secret.length < 32)
    throw new Error('SERVER_SECRET must be at least 32 characters');
  const check = secret === undefined ? null : createHmac('sha256', secret).update(CHECK_TEXT).digest('hex');
  const { rows } = await db.query<{ value: string }>(
    "SELECT value FROM server_keys WHERE name = 'secret_check'",
  );
  const stored = rows[0]?.value ?? null;
  if (stored !== null && stored !== check) {
    throw new Error(
      secret === undefined
        ? "this database's enrol codes were made with SERVER_SECRET: set the same SERVER_SECRET"
        : "SERVER_SECRET is not the one this database's enrol codes were made with " +
            "(to change it for good, delete the row 'secret_check' of table server_keys; codes made before stop working)",
    );
  }
  if (secret !== undefined) {
    if (stored === null) {
      await db.query(
        "INSERT INTO server_keys (name, value) VALUES ('secret_check', $1) ON CONFLICT (name) DO NOTHING",
        [check],
      );
      return readKey(db, secret);
    }
    return secret;
  }
  await db.query(
    "INSERT INTO server_keys (name, value) VALUES ('enrol_key', $1) ON CONFLICT (name) DO NOTHING",
    [newServerSecret()],
  );
  const made = await db.query<{ value: string }>("SELECT value FROM server_keys WHERE name = 'enrol_key'");
  return made.rows[0]!.value;
}

export interface EnrolCodeIssued {
  agencyId: string;
  name: string;
  codeId: string;
  enrolCode: string;
  expiresAt: string;
  /** How many devices the code enrols. */
  uses: number;
}

async function issueCode(db: Db, agencyId: string, name: string, uses: number): Promise<EnrolCodeIssued> {
  const enrolCode = newEnrolCode();
  const codeId = randomUUID();
  const { rows } = await db.query<{ expires_at: Date }>(
    `INSERT INTO enrol_codes (id, code_hash, agency_id, expires_at, uses)
     VALUES ($1, $2, $3, now() + make_interval(days => $4), $5) RETURNING expires_at`,
    [codeId, hashEnrolCode(await enrolKey(db), enrolCode), agencyId, ENROL_CODE_DAYS, uses],
  );
  return { agencyId, name, codeId, enrolCode, expiresAt: isoInstant(rows[0]!.expires_at), uses };
}

export async function createAgency(db: Db, name: string, uses = 1): Promise<EnrolCodeIssued> {
  const agencyId = randomUUID();
  await db.query('INSERT INTO agencies (id, name) VALUES ($1, $2)', [agencyId, name]);
  return issueCode(db, agencyId, name, uses);
}

/** A fresh code for an existing agency (the other codes are untouched); null if no such agency. */
export async function newCodeForAgency(db: Db, agencyId: string, uses = 1): Promise<EnrolCodeIssued | null> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM agencies WHERE id::text = $1', [
    agencyId.toLowerCase(),
  ]);
  return rows[0] ? issueCode(db, agencyId.toLowerCase(), rows[0].name, uses) : null;
}

export type EnrolRefusal =
  'invalid_code' | 'expired_code' | 'used_code' | 'revoked_code' | 'device_revoked' | 'device_exists';

export type EnrolResult =
  { ok: true; agencyId: string; deviceId: string; token: string } | { ok: false; reason: EnrolRefusal };

/**
 * Ties a device to the code's agency and gives it a new token; each new
 * device uses up one of the code's uses. A device that made its id before
 * enrolling keeps it. An id the agency already has is refused
 * (`device_exists`: the code must not let anyone take over a phone), unless
 * the request carries that device's own current token (`currentToken`), or
 * the random `enrolNonce` its first enrolment sent (the answer to that was
 * lost, so the phone has no token yet; only the phone knows the nonce): then
 * the device gets a new token and no use is spent. A revoked id is refused
 * for good.
 */
export async function enrolDevice(
  db: Db,
  input: {
    code: string;
    deviceName: string;
    deviceId?: string | undefined;
    currentToken?: string | undefined;
    enrolNonce?: string | undefined;
  },
): Promise<EnrolResult> {
  if (!ENROL_CODE_PATTERN.test(normaliseEnrolCode(input.code))) return { ok: false, reason: 'invalid_code' };
  const codeHash = hashEnrolCode(await enrolKey(db), input.code);
  return db.transaction(async (tx) => {
    // The row lock makes concurrent enrolments with one code take its uses one at a time.
    const { rows } = await tx.query<{
      id: string;
      agency_id: string;
      live: boolean;
      revoked: boolean;
      uses_left: number;
    }>(
      `SELECT id, agency_id, expires_at > now() AS live, revoked_at IS NOT NULL AS revoked, uses - used AS uses_left
       FROM enrol_codes WHERE code_hash = $1 FOR UPDATE`,
      [codeHash],
    );
    const code = rows[0];
    if (!code) return { ok: false, reason: 'invalid_code' } as const;
    if (code.revoked) return { ok: false, reason: 'revoked_code' } as const;
    if (!code.live) return { ok: false, reason: 'expired_code' } as const;
    const deviceId = input.deviceId ?? randomUUID();
    const token = newToken();
    const existing = await tx.query<{ revoked: boolean; token_hash: string; nonce_hash: string | null }>(
      `SELECT revoked_at IS NOT NULL AS revoked, token_hash, enrol_nonce_hash AS nonce_hash FROM devices
       WHERE agency_id = $1 AND id = $2 FOR UPDATE`,
      [code.agency_id, deviceId],
    );
    const known = existing.rows[0];
    if (known?.revoked) return { ok: false, reason: 'device_revoked' } as const;
    if (known) {
      const ownToken = input.currentToken !== undefined && sha256(input.currentToken) === known.token_hash;
      const sameAttempt =
        input.enrolNonce !== undefined &&
        known.nonce_hash !== null &&
        sha256(input.enrolNonce) === known.nonce_hash;
      if (!ownToken && !sameAttempt) return { ok: false, reason: 'device_exists' } as const;
      await tx.query(
        `UPDATE devices SET name = $3, token_hash = $4, token_issued_at = now() WHERE agency_id = $1 AND id = $2`,
        [code.agency_id, deviceId, input.deviceName, sha256(token)],
      );
      await touchCode(tx, code.id, false);
      return { ok: true, agencyId: code.agency_id, deviceId, token } as const;
    }
    if (code.uses_left < 1) return { ok: false, reason: 'used_code' } as const;
    const inserted = await tx.query(
      `INSERT INTO devices (agency_id, id, name, token_hash, enrol_code_id, enrol_nonce_hash)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (agency_id, id) DO NOTHING RETURNING id`,
      [
        code.agency_id,
        deviceId,
        input.deviceName,
        sha256(token),
        code.id,
        input.enrolNonce === undefined ? null : sha256(input.enrolNonce),
      ],
    );
    // Another enrolment of the same id committed first.
    if (inserted.rows.length === 0) return { ok: false, reason: 'device_exists' } as const;
    await touchCode(tx, code.id, true);
    return { ok: true, agencyId: code.agency_id, deviceId, token } as const;
  });
}

async function touchCode(tx: Queryable, codeId: string, newDevice: boolean): Promise<void> {
  await tx.query(
    `UPDATE enrol_codes SET last_used_at = now(), used = used + ${newDevice ? 1 : 0} WHERE id = $1`,
    [codeId],
  );
}

export interface DeviceAuth {
  agencyId: string;
  deviceId: string;
  revoked: boolean;
}

/** The device a token belongs to, or null. The lookup by hash is the comparison. */
export async function deviceForToken(db: Db, token: string): Promise<DeviceAuth | null> {
  const { rows } = await db.query<{ agency_id: string; id: string; revoked: boolean }>(
    'SELECT agency_id, id, revoked_at IS NOT NULL AS revoked FROM devices WHERE token_hash = $1',
    [sha256(token)],
  );
  const row = rows[0];
  return row ? { agencyId: row.agency_id, deviceId: row.id, revoked: row.revoked } : null;
}

export interface DeviceRevoked {
  agencyId: string;
  deviceId: string;
  revoked: true;
  /** The code the device enrolled with: withdrawn with it when it was single-use, else how many uses it has left. */
  code: { codeId: string; withdrawn: boolean; usesLeft: number } | null;
}

/**
 * Revokes a device for good: its token stops working and its id cannot
 * enrol again. A single-use code it came with is withdrawn too; a code for
 * several devices stays (see `revoke-code`), and the answer says how many
 * uses it has left.
 */
export async function revokeDevice(
  db: Db,
  agencyId: string,
  deviceId: string,
): Promise<DeviceRevoked | null> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ agency_id: string; enrol_code_id: string | null }>(
      `UPDATE devices SET revoked_at = coalesce(revoked_at, now())
       WHERE agency_id::text = $1 AND id = $2 RETURNING agency_id, enrol_code_id`,
      [agencyId.toLowerCase(), deviceId],
    );
    const device = rows[0];
    if (!device) return null;
    let code: DeviceRevoked['code'] = null;
    if (device.enrol_code_id !== null) {
      const c = await tx.query<{ id: string; uses: number; used: number; revoked: boolean }>(
        `UPDATE enrol_codes SET revoked_at = coalesce(revoked_at, now()),
           revoked_reason = coalesce(revoked_reason, 'device_revoked')
         WHERE id = $1 AND uses = 1 RETURNING id, uses, used, true AS revoked`,
        [device.enrol_code_id],
      );
      const left = c.rows[0]
        ? c.rows[0]
        : (
            await tx.query<{ id: string; uses: number; used: number; revoked: boolean }>(
              'SELECT id, uses, used, revoked_at IS NOT NULL AS revoked FROM enrol_codes WHERE id = $1',
              [device.enrol_code_id],
            )
          ).rows[0];
      if (left) {
        code = {
          codeId: left.id,
          withdrawn: left.revoked,
          usesLeft: left.revoked ? 0 : Math.max(0, left.uses - left.used),
        };
      }
    }
    return { agencyId: device.agency_id, deviceId, revoked: true, code } as const;
  });
}

/** Withdraws an enrol code: it enrols nothing more. Devices it enrolled keep working. */
export async function revokeCode(db: Db, agencyId: string, codeId: string): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE enrol_codes SET revoked_at = coalesce(revoked_at, now()),
       revoked_reason = coalesce(revoked_reason, 'revoke_code')
     WHERE agency_id::text = $1 AND id::text = $2 RETURNING id`,
    [agencyId.toLowerCase(), codeId.toLowerCase()],
  );
  return rows.length > 0;
}

export type CodeStatus = 'active' | 'expired' | 'used' | 'revoked';

export interface CodeSummary {
  codeId: string;
  createdAt: string;
  expiresAt: string;
  uses: number;
  usesLeft: number;
  lastUsedAt: string | null;
  status: CodeStatus;
  /** Why it was withdrawn: 'revoke_code', 'device_revoked' or 'old_format' (made before codes were keyed). */
  revokedReason?: string;
}

/** An agency's codes, newest first, never the code itself (only its hash is kept); null if no such agency. */
export async function listCodes(
  db: Db,
  agencyId: string,
): Promise<{ agencyId: string; name: string; codes: CodeSummary[] } | null> {
  const agency = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM agencies WHERE id::text = $1',
    [agencyId.toLowerCase()],
  );
  const a = agency.rows[0];
  if (!a) return null;
  const { rows } = await db.query<{
    id: string;
    created_at: Date;
    expires_at: Date;
    last_used_at: Date | null;
    uses: number;
    used: number;
    live: boolean;
    revoked_reason: string | null;
    revoked: boolean;
  }>(
    `SELECT id, created_at, expires_at, last_used_at, uses, used, expires_at > now() AS live,
       revoked_at IS NOT NULL AS revoked, revoked_reason
     FROM enrol_codes WHERE agency_id = $1 ORDER BY created_at DESC, id`,
    [a.id],
  );
  return {
    agencyId: a.id,
    name: a.name,
    codes: rows.map((r) => {
      const usesLeft = r.revoked || !r.live ? 0 : Math.max(0, r.uses - r.used);
      const status: CodeStatus = r.revoked
        ? 'revoked'
        : !r.live
          ? 'expired'
          : usesLeft === 0
            ? 'used'
            : 'active';
      return {
        codeId: r.id,
        createdAt: isoInstant(r.created_at),
        expiresAt: isoInstant(r.expires_at),
        uses: r.uses,
        usesLeft,
        lastUsedAt: r.last_used_at === null ? null : isoInstant(r.last_used_at),
        status,
        ...(r.revoked_reason ? { revokedReason: r.revoked_reason } : {}),
      };
    }),
  };
}

export interface AgencySummary {
  agencyId: string;
  name: string;
  createdAt: string;
  devices: { deviceId: string; name: string; enrolledAt: string; revoked: boolean }[];
  exports: number;
}

export async function listAgencies(db: Db): Promise<AgencySummary[]> {
  const agencies = await db.query<{ id: string; name: string; created_at: Date; exports: number }>(
    `SELECT a.id, a.name, a.created_at, (SELECT count(*) FROM exports e WHERE e.agency_id = a.id) AS exports
     FROM agencies a ORDER BY a.created_at, a.id`,
  );
  const devices = await db.query<{
    agency_id: string;
    id: string;
    name: string;
    created_at: Date;
    revoked: boolean;
  }>(
    'SELECT agency_id, id, name, created_at, revoked_at IS NOT NULL AS revoked FROM devices ORDER BY created_at, id',
  );
  return agencies.rows.map((a) => ({
    agencyId: a.id,
    name: a.name,
    createdAt: isoInstant(a.created_at),
    exports: a.exports,
    devices: devices.rows
      .filter((d) => d.agency_id === a.id)
      .map((d) => ({
        deviceId: d.id,
        name: d.name,
        enrolledAt: isoInstant(d.created_at),
        revoked: d.revoked,
      })),
  }));
}
