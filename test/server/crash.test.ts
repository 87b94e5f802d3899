/**
 * A server killed (SIGKILL: a crash, a power cut) in the middle of uploads:
 * after a restart on the same folder, every upload it confirmed is there and
 * whole, nothing half-stored is, and the phones' retries complete the set
 * without a single conflict. PGlite, since the folder is the server's own.
 */
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { runAdmin } from '../../src/server/admin';
import { openDatabase } from '../../src/server/main';
import { makeExport } from './exportFixture';
import { fakeDist, tempDir } from './harness';
import { spawnServer } from './processes';

const dataDir = tempDir('crash');
const distDir = fakeDist();
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(distDir, { recursive: true, force: true });
});

it(
  'a server killed mid-upload keeps every confirmed export whole, none partial, and retries finish the job',
  { timeout: 180_000 },
  async () => {
    // The agency exists before the server starts (npm run agency on the folder).
    const db = await openDatabase({ dataDir });
    const created = await runAdmin(db, 'create', ['เทศบาลทดสอบไฟดับ'], { publicUrl: 'http://localhost' });
    await db.close();
    const { enrolCode } = (created as { result: { enrolCode: string } }).result;

    let server = await spawnServer(dataDir, distDir);
    const res = await fetch(`${server.url}/api/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: enrolCode, deviceName: 'มือถือ' }),
    });
    const { token } = (await res.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const docs = Array.from({ length: 40 }, () => makeExport({ kb: 200 }));
    const send = (url: string, doc: (typeof docs)[number]) =>
      fetch(`${url}/api/v1/exports`, { method: 'POST', headers: auth, body: JSON.stringify(doc) }).then(
        (r) => r.status,
        () => 0, // the connection died with the server
      );

    const confirmed = new Set<string>();
    let killed: Promise<void> | null = null;
    await Promise.all(
      docs.map(async (doc) => {
        const status = await send(server.url, doc);
        if (status === 201) confirmed.add(doc.id);
        if (confirmed.size >= 5) killed ??= server.kill();
      }),
    );
    await killed;
    // Killed part way: some uploads confirmed, some cut off.
    expect(confirmed.size).toBeGreaterThanOrEqual(5);
    expect(confirmed.size).toBeLessThan(docs.length);

    server = await spawnServer(dataDir, distDir);
    try {
      for (const id of confirmed) {
        const back = await fetch(`${server.url}/api/v1/exports/${id}`, { headers: auth });
        expect(back.status).toBe(200);
        expect(await back.json()).toEqual(JSON.parse(JSON.stringify(docs.find((d) => d.id === id))));
      }
      // The phone retries everything it was not sure of: each is new or a duplicate, never a conflict.
      const retried = await Promise.all(
        docs.filter((d) => !confirmed.has(d.id)).map((d) => send(server.url, d)),
      );
      expect(retried.every((s) => s === 201 || s === 200)).toBe(true);
      const list = (await (
        await fetch(`${server.url}/api/v1/exports?limit=200`, { headers: auth })
      ).json()) as {
        exports: { id: string }[];
      };
      expect(list.exports.map((e) => e.id).sort()).toEqual(docs.map((d) => d.id).sort());
    } finally {
      await server.stop();
    }
  },
);
