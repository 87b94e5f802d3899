/**
 * The agency administration commands of `npm run agency`, in one place: run
 * by the CLI on a folder it opened itself, or by the running server for the
 * CLI through the loopback admin endpoint. Same code, same output.
 */
import { createAgency, listAgencies, newCodeForAgency, revokeDevice, type EnrolCodeIssued } from './agencies';
import type { Db } from './db';

export const ADMIN_COMMANDS = ['create', 'code', 'revoke-device', 'list'] as const;
export type AdminCommand = (typeof ADMIN_COMMANDS)[number];

export const USAGE = `usage: npm run agency -- create "<agency name>"
       npm run agency -- code <agencyId>                  (a new enrol code)
       npm run agency -- revoke-device <agencyId> <deviceId>
       npm run agency -- list`;

export type AdminResult =
  { ok: true; result: unknown } | { ok: false; status: 400 | 404; error: string; message: string };

const MAX_NAME = 200;

const withUrl = (issued: EnrolCodeIssued, publicUrl: string) => ({
  agencyId: issued.agencyId,
  name: issued.name,
  enrolCode: issued.enrolCode,
  enrolUrl: `${publicUrl.replace(/\/+$/, '')}/enrol?code=${encodeURIComponent(issued.enrolCode)}`,
  expiresAt: issued.expiresAt,
});

const usage = (): AdminResult => ({ ok: false, status: 400, error: 'usage', message: USAGE });

const ARITY: Record<AdminCommand, number> = { create: 1, code: 1, 'revoke-device': 2, list: 0 };

/** A usage error for a command or argument count that cannot work, before any database is opened. */
export function checkAdminArgs(command: string, args: string[]): AdminResult | null {
  const arity = ARITY[command as AdminCommand] as number | undefined;
  return arity === args.length && args.every((a) => a.trim() !== '') ? null : usage();
}

export async function runAdmin(
  db: Db,
  command: string,
  args: string[],
  ctx: { publicUrl: string },
): Promise<AdminResult> {
  const bad = checkAdminArgs(command, args);
  if (bad) return bad;
  switch (command) {
    case 'create': {
      const name = (args[0] ?? '').trim().replace(/\s+/g, ' ');
      if (name.length > MAX_NAME) return usage();
      return { ok: true, result: withUrl(await createAgency(db, name), ctx.publicUrl) };
    }
    case 'code': {
      const issued = await newCodeForAgency(db, args[0]!).catch(() => null);
      if (!issued) return { ok: false, status: 404, error: 'not_found', message: 'no agency with that id' };
      return { ok: true, result: withUrl(issued, ctx.publicUrl) };
    }
    case 'revoke-device': {
      const [agencyId, deviceId] = args as [string, string];
      if (!(await revokeDevice(db, agencyId, deviceId))) {
        return { ok: false, status: 404, error: 'not_found', message: 'no such device in that agency' };
      }
      return { ok: true, result: { agencyId: agencyId.toLowerCase(), deviceId, revoked: true } };
    }
    case 'list':
      return { ok: true, result: { agencies: await listAgencies(db) } };
    default:
      return usage();
  }
}
