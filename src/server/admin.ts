/**
 * The agency administration commands of `npm run agency`, in one place: run
 * by the CLI on a folder it opened itself, or by the running server for the
 * CLI through the loopback admin endpoint. Same code, same output.
 */
import {
  createAgency,
  listAgencies,
  listCodes,
  MAX_CODE_USES,
  newCodeForAgency,
  revokeCode,
  revokeDevice,
  type EnrolCodeIssued,
} from './agencies';
import type { Db } from './db';

export const ADMIN_COMMANDS = [
  'create',
  'code',
  'revoke-device',
  'revoke-code',
  'list-codes',
  'list',
] as const;
export type AdminCommand = (typeof ADMIN_COMMANDS)[number];

export const USAGE = `usage: npm run agency -- create "<agency name>" [--uses N]
       npm run agency -- code <agencyId> [--uses N]       (a new enrol code)
       npm run agency -- list-codes <agencyId>            (codes: id, dates, uses left; never the code)
       npm run agency -- revoke-code <agencyId> <codeId>
       npm run agency -- revoke-device <agencyId> <deviceId>
       npm run agency -- list
A code enrols one device unless --uses N (1–${MAX_CODE_USES}) lets it enrol N, e.g. a room of phones.`;

export type AdminResult =
  { ok: true; result: unknown } | { ok: false; status: 400 | 404; error: string; message: string };

const MAX_NAME = 200;

const withUrl = (issued: EnrolCodeIssued, publicUrl: string) => ({
  agencyId: issued.agencyId,
  name: issued.name,
  codeId: issued.codeId,
  enrolCode: issued.enrolCode,
  enrolUrl: `${publicUrl.replace(/\/+$/, '')}/enrol?code=${encodeURIComponent(issued.enrolCode)}`,
  expiresAt: issued.expiresAt,
  uses: issued.uses,
});

const usage = (): AdminResult => ({ ok: false, status: 400, error: 'usage', message: USAGE });
const notFound = (message: string): AdminResult => ({ ok: false, status: 404, error: 'not_found', message });

const ARITY: Record<AdminCommand, number> = {
  create: 1,
  code: 1,
  'revoke-device': 2,
  'revoke-code': 2,
  'list-codes': 1,
  list: 0,
};
/** Commands that make a code, and so take `--uses N`. */
const TAKES_USES = new Set<string>(['create', 'code']);

interface ParsedArgs {
  args: string[];
  uses: number;
}

/** Splits `--uses N` (or `--uses=N`) off the positional arguments; null when it is malformed or misplaced. */
function parseArgs(command: string, raw: string[]): ParsedArgs | null {
  const args: string[] = [];
  let uses: number | undefined;
  for (let i = 0; i < raw.length; i++) {
    const arg = raw[i]!;
    const option = /^--uses(?:=(.*))?$/.exec(arg);
    if (!option) {
      args.push(arg);
      continue;
    }
    if (!TAKES_USES.has(command) || uses !== undefined) return null;
    const value = option[1] ?? raw[++i];
    if (value === undefined || !/^\d{1,4}$/.test(value)) return null;
    uses = Number(value);
    if (uses < 1 || uses > MAX_CODE_USES) return null;
  }
  return { args, uses: uses ?? 1 };
}

/** A usage error for a command or argument count that cannot work, before any database is opened. */
export function checkAdminArgs(command: string, args: string[]): AdminResult | null {
  const arity = ARITY[command as AdminCommand] as number | undefined;
  const parsed = parseArgs(command, args);
  return parsed && arity === parsed.args.length && parsed.args.every((a) => a.trim() !== '') ? null : usage();
}

export async function runAdmin(
  db: Db,
  command: string,
  rawArgs: string[],
  ctx: { publicUrl: string },
): Promise<AdminResult> {
  const bad = checkAdminArgs(command, rawArgs);
  if (bad) return bad;
  const { args, uses } = parseArgs(command, rawArgs)!;
  switch (command) {
    case 'create': {
      const name = (args[0] ?? '').trim().replace(/\s+/g, ' ');
      if (name.length > MAX_NAME) return usage();
      return { ok: true, result: withUrl(await createAgency(db, name, uses), ctx.publicUrl) };
    }
    case 'code': {
      const issued = await newCodeForAgency(db, args[0]!, uses).catch(() => null);
      if (!issued) return notFound('no agency with that id');
      return { ok: true, result: withUrl(issued, ctx.publicUrl) };
    }
    case 'revoke-device': {
      const [agencyId, deviceId] = args as [string, string];
      const revoked = await revokeDevice(db, agencyId, deviceId);
      return revoked ? { ok: true, result: revoked } : notFound('no such device in that agency');
    }
    case 'revoke-code': {
      const [agencyId, codeId] = args as [string, string];
      if (!(await revokeCode(db, agencyId, codeId))) return notFound('no such code in that agency');
      return {
        ok: true,
        result: { agencyId: agencyId.toLowerCase(), codeId: codeId.toLowerCase(), revoked: true },
      };
    }
    case 'list-codes': {
      const codes = await listCodes(db, args[0]!);
      return codes ? { ok: true, result: codes } : notFound('no agency with that id');
    }
    case 'list':
      return { ok: true, result: { agencies: await listAgencies(db) } };
    default:
      return usage();
  }
}
