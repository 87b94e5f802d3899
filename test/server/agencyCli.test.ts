/**
 * `npm run agency -- create "<name>"` as a person runs it: with no server, and
 * with a server (a real `npm start` process) holding the PGlite folder, and on
 * PostgreSQL. Each prints one JSON object whose code enrols a device.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkAdminArgs } from '../../src/server/admin';
import { lockPath } from '../../src/server/lockFile';
import { startServer, type RunningServer } from '../../src/server/main';
import type { Agency } from './client';
import { fakeDist, PG_URL, tempDir } from './harness';
import { run, spawnServer, type Ran, type SpawnedServer } from './processes';

const agencyCli = (args: string[], env: Record<string, string>) =>
  run('npm', ['run', 'agency', '--', ...args], { PORT: '8080', ...env });

/** What `create` and `code` print: the same fields the server tests' client reads. */
type Issued = Agency;

/** Exactly one JSON object, and nothing else, on stdout. */
function oneObject(ran: Ran): Issued {
  expect(ran.stderr).toBe('');
  expect(ran.code).toBe(0);
  const parsed = JSON.parse(ran.stdout) as Issued;
  expect(parsed).toEqual({
    agencyId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    name: expect.any(String),
    codeId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    // 16 Crockford base32 characters (80 bits) in groups of four.
    enrolCode: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/),
    enrolUrl: expect.stringContaining('/enrol?code='),
    expiresAt: expect.any(String),
    uses: expect.any(Number),
  });
  return parsed;
}

async function enrolsAt(url: string, code: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: 'มือถือทดสอบ' }),
  });
  return res.status;
}

const dirs: string[] = [];
const dir = (prefix: string) => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d;
};
const distDir = fakeDist();
afterAll(() => {
  for (const d of [...dirs, distDir]) rmSync(d, { recursive: true, force: true });
});

// Each test starts processes that start PGlite: slow on a busy machine.
describe('npm run agency (PGlite)', { timeout: 120_000 }, () => {
  let running: RunningServer | null = null;
  let spawned: SpawnedServer | null = null;
  afterEach(async () => {
    await running?.close();
    await spawned?.stop();
    running = null;
    spawned = null;
  });

  it('with no server running: opens the folder itself, prints one JSON object, and leaves no lock', async () => {
    const dataDir = dir('cli');
    const created = oneObject(await agencyCli(['create', 'เทศบาลตำบลบ้านใหม่'], { DATA_DIR: dataDir }));
    expect(created.name).toBe('เทศบาลตำบลบ้านใหม่');
    expect(created.enrolUrl).toBe(
      `http://localhost:8080/enrol?code=${encodeURIComponent(created.enrolCode)}`,
    );
    expect(existsSync(lockPath(dataDir))).toBe(false);

    running = await startServer({ port: 0, host: '127.0.0.1', distDir, dataDir });
    expect(await enrolsAt(`http://127.0.0.1:${running.port}`, created.enrolCode)).toBe(201);
  });

  it('with `npm start` holding the folder: asks that server on loopback, never opening the folder twice', async () => {
    const dataDir = dir('cli-live');
    spawned = await spawnServer(dataDir, distDir);
    expect(readFileSync(lockPath(dataDir)).length).toBeGreaterThan(0);

    const created = oneObject(
      await agencyCli(['create', 'อบต.ทดสอบ'], { DATA_DIR: dataDir, PUBLIC_URL: '' }),
    );
    expect(created.enrolUrl).toContain(`http://localhost:${spawned.port}/enrol?code=`);
    expect(await enrolsAt(spawned.url, created.enrolCode)).toBe(201);
    expect(spawned.output()).toContain('"path":"/api/admin/create"');

    // A second server on the same folder refuses to start.
    await expect(startServer({ port: 0, host: '127.0.0.1', distDir, dataDir })).rejects.toThrow(/in use/);

    await spawned.stop();
    expect(existsSync(lockPath(dataDir))).toBe(false);
  });

  it('ignores a stale lock left by a process that is gone', async () => {
    const dataDir = dir('cli-stale');
    const gone = await run(process.execPath, ['-e', 'console.log(process.pid)'], {});
    writeFileSync(
      join(dataDir, 'server.lock'),
      JSON.stringify({ pid: Number(gone.stdout), role: 'server', port: 1 }),
    );
    oneObject(await agencyCli(['create', 'หน่วยงาน'], { DATA_DIR: dataDir }));
  });

  it('explains its usage on stderr with an empty stdout for a wrong command', async () => {
    const ran = await agencyCli(['create'], { DATA_DIR: dir('cli-usage') });
    expect(ran.code).not.toBe(0);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toContain('npm run agency -- create');
    expect(ran.stderr).toContain('revoke-code');
    expect(ran.stderr).toContain('list-codes');
  });

  it.each([
    ['--uses 0', ['code', 'x', '--uses', '0']],
    ['--uses without a number', ['create', 'หน่วยงาน', '--uses']],
    ['--uses on a command that makes no code', ['list-codes', 'x', '--uses', '2']],
    ['list-codes without an agency', ['list-codes']],
    ['revoke-code without a code id', ['revoke-code', 'x']],
  ])('refuses %s with its usage, opening no database', (_name, args) => {
    const bad = checkAdminArgs(args[0]!, args.slice(1));
    expect(bad).toMatchObject({ ok: false, status: 400, error: 'usage' });
  });

  it(
    'code --uses N, list-codes and revoke-code through a running server: a code enrols one phone unless told, the list never shows a code, a revoked code enrols nothing',
    { timeout: 240_000 },
    async () => {
      const dataDir = dir('cli-codes');
      spawned = await spawnServer(dataDir, distDir);
      const env = { DATA_DIR: dataDir, PUBLIC_URL: '' };
      const created = oneObject(await agencyCli(['create', 'อบต.หลายเครื่อง'], env));
      expect(created.uses).toBe(1);
      const room = oneObject(await agencyCli(['code', created.agencyId, '--uses', '3'], env));
      expect(room.uses).toBe(3);

      // Single use: the second phone with the same code is refused.
      expect(await enrolsAt(spawned.url, created.enrolCode)).toBe(201);
      expect(await enrolsAt(spawned.url, created.enrolCode)).toBe(401);
      expect(await enrolsAt(spawned.url, room.enrolCode)).toBe(201);

      const listed = await agencyCli(['list-codes', created.agencyId], env);
      expect(listed.code).toBe(0);
      for (const code of [created.enrolCode, room.enrolCode]) {
        expect(listed.stdout).not.toContain(code);
        expect(listed.stdout).not.toContain(code.replace(/-/g, ''));
      }
      const list = JSON.parse(listed.stdout) as {
        agencyId: string;
        codes: {
          codeId: string;
          createdAt: string;
          expiresAt: string;
          uses: number;
          usesLeft: number;
          status: string;
        }[];
      };
      expect(list.agencyId).toBe(created.agencyId);
      expect(list.codes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ codeId: created.codeId, uses: 1, usesLeft: 0, status: 'used' }),
          expect.objectContaining({ codeId: room.codeId, uses: 3, usesLeft: 2, status: 'active' }),
        ]),
      );
      expect(list.codes).toHaveLength(2);

      const revoked = await agencyCli(['revoke-code', created.agencyId, room.codeId], env);
      expect(revoked.code).toBe(0);
      expect(JSON.parse(revoked.stdout)).toEqual({
        agencyId: created.agencyId,
        codeId: room.codeId,
        revoked: true,
      });
      expect(await enrolsAt(spawned.url, room.enrolCode)).toBe(401);
      const after = JSON.parse(
        (await agencyCli(['list-codes', created.agencyId], env)).stdout,
      ) as typeof list;
      expect(after.codes.find((c) => c.codeId === room.codeId)).toMatchObject({
        status: 'revoked',
        usesLeft: 0,
      });

      const unknown = await agencyCli(['revoke-code', created.agencyId, created.agencyId], env);
      expect(unknown.code).toBe(3);
      expect(unknown.stdout).toBe('');
    },
  );
});

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
const pgUp = await postgresAnswers();

describe.runIf(pgUp || process.env.CI === 'true')(
  'npm run agency (PostgreSQL, DATABASE_URL)',
  { timeout: 120_000 },
  () => {
    const schema = `t_cli_${process.pid}`;
    const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    afterAll(async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    });

    it('connects, prints one JSON object, and the code enrols a device on a server of that database', async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.end();
      const created = oneObject(await agencyCli(['create', 'หน่วยงานบน PostgreSQL'], { DATABASE_URL: url }));
      const server = await startServer({
        port: 0,
        host: '127.0.0.1',
        distDir,
        dataDir: dir('unused'),
        databaseUrl: PG_URL,
        databaseSchema: schema,
      });
      try {
        expect(await enrolsAt(`http://127.0.0.1:${server.port}`, created.enrolCode)).toBe(201);
      } finally {
        await server.close();
      }
    });
  },
);
