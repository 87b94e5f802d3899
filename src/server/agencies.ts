/**
 * Agencies, their enrol codes and their devices. Everything secret is stored
 * as a hash (secrets.ts); these functions take and return the plain values
 * only at the moment they are made.
 */
import { randomUUID } from 'node:crypto';
import { isoInstant, type Db } from './db';
import { hashEnrolCode, newEnrolCode, newToken, sha256 } from './secrets';

/** How long an enrol code works. It enrols any number of the agency's devices until then. */
export const ENROL_CODE_DAYS = 7;

export interface EnrolCodeIssued {
  agencyId: string;
  name: string;
  enrolCode: string;
  expiresAt: string;
}

async function issueCode(db: Db, agencyId: string, name: string): Promise<EnrolCodeIssued> {
  const enrolCode = newEnrolCode();
  const { rows } = await db.query<{ expires_at: Date }>(
    `INSERT INTO enrol_codes (code_hash, agency_id, expires_at)
     VALUES ($1, $2, now() + make_interval(days => $3)) RETURNING expires_at`,
    [hashEnrolCode(enrolCode), agencyId, ENROL_CODE_DAYS],
  );
  return { agencyId, name, enrolCode, expiresAt: isoInstant(rows[0]!.expires_at) };
}

export async function createAgency(db: Db, name: string): Promise<EnrolCodeIssued> {
  const agencyId = randomUUID();
  await db.query('INSERT INTO agencies (id, name) VALUES ($1, $2)', [agencyId, name]);
  return issueCode(db, agencyId, name);
}

/** A fresh code for an existing agency (the old ones keep working until they expire); null if no such agency. */
export async function newCodeForAgency(db: Db, agencyId: string): Promise<EnrolCodeIssued | null> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM agencies WHERE id::text = $1', [
    agencyId.toLowerCase(),
  ]);
  return rows[0] ? issueCode(db, agencyId.toLowerCase(), rows[0].name) : null;
}

export type EnrolResult =
  | { ok: true; agencyId: string; deviceId: string; token: string }
  | { ok: false; reason: 'invalid_code' | 'expired_code' | 'device_revoked' };

/**
 * Ties a device to the code's agency and gives it a new token. A device that
 * made its id before enrolling keeps it; enrolling an id the agency already
 * knows replaces that device's token (a reinstalled phone), unless the device
 * was revoked.
 */
export async function enrolDevice(
  db: Db,
  input: { code: string; deviceName: string; deviceId?: string | undefined },
): Promise<EnrolResult> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ agency_id: string; live: boolean }>(
      'SELECT agency_id, expires_at > now() AS live FROM enrol_codes WHERE code_hash = $1',
      [hashEnrolCode(input.code)],
    );
    const code = rows[0];
    if (!code) return { ok: false, reason: 'invalid_code' } as const;
    if (!code.live) return { ok: false, reason: 'expired_code' } as const;
    const deviceId = input.deviceId ?? randomUUID();
    const token = newToken();
    const existing = await tx.query<{ revoked: boolean }>(
      'SELECT revoked_at IS NOT NULL AS revoked FROM devices WHERE agency_id = $1 AND id = $2 FOR UPDATE',
      [code.agency_id, deviceId],
    );
    if (existing.rows[0]?.revoked) return { ok: false, reason: 'device_revoked' } as const;
    await tx.query(
      `INSERT INTO devices (agency_id, id, name, token_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (agency_id, id) DO UPDATE SET name = EXCLUDED.name, token_hash = EXCLUDED.token_hash,
         token_issued_at = now()`,
      [code.agency_id, deviceId, input.deviceName, sha256(token)],
    );
    await tx.query('UPDATE enrol_codes SET last_used_at = now() WHERE code_hash = $1', [
      hashEnrolCode(input.code),
    ]);
    return { ok: true, agencyId: code.agency_id, deviceId, token } as const;
  });
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

/** Revokes a device for good: its token stops working and its id cannot enrol again. */
export async function revokeDevice(db: Db, agencyId: string, deviceId: string): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE devices SET revoked_at = coalesce(revoked_at, now())
     WHERE agency_id::text = $1 AND id = $2 RETURNING id`,
    [agencyId.toLowerCase(), deviceId],
  );
  return rows.length > 0;
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
