/**
 * Migration harness: open an older schema version exactly as it shipped, put
 * rows in, close, open the current ItaDatabase, and assert nothing was lost.
 * Each new version adds its SCHEMA_Vn and a case below.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { measureDetail } from '../../../src/db/planQueries';
import { ItaDatabase, SCHEMA_V1, SCHEMA_V2 } from '../../../src/db/schema';

async function openOld(name: string, version: number, stores: Record<string, string>) {
  const old = new Dexie(name);
  old.version(version).stores(stores);
  await old.open();
  return old;
}

const meta = {
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  deletedAt: null,
  stamps: {},
};

describe('schema migrations', () => {
  it('opens a version 1 database written by an earlier build with every row intact', async () => {
    const name = `migrate-${Math.random()}`;
    const old = await openOld(name, 1, SCHEMA_V1);
    await old
      .table('plans')
      .add({ id: 'p1', fiscalYear: 2567, agency: { name: 'อบต.ก', district: '', province: '' }, ...meta });
    await old.table('progress').add({
      id: 't1',
      actionId: 'a1',
      measureId: 'm1',
      planId: 'p1',
      date: '2024-01-02',
      status: 'done',
      ...meta,
    });
    await old.table('outbox').add({ opId: 'o1', deviceSeq: 1, table: 'plans', id: 'p1', at: meta.createdAt });
    old.close();

    const current = new ItaDatabase(name);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(1);
    expect((await current.plans.get('p1'))!.fiscalYear).toBe(2567);
    expect(await current.progress.where('actionId').equals('a1').count()).toBe(1);
    expect(await current.outbox.where('[table+id]').equals(['plans', 'p1']).count()).toBe(1);
    current.close();
  });

  it('version 2 drops only the date index of progress; ticks stay and are found by plan, measure, action and meeting', async () => {
    const name = `migrate-v2-${Math.random()}`;
    const old = await openOld(name, 1, SCHEMA_V1);
    await old
      .table('plans')
      .add({ id: 'p1', fiscalYear: 2567, agency: { name: 'อบต.ก', district: '', province: '' }, ...meta });
    await old.table('measures').add({ id: 'm1', planId: 'p1', number: 1, title: 'ม', ...meta });
    await old
      .table('actions')
      .add({ id: 'a1', planId: 'p1', measureId: 'm1', number: '1.1', text: 'ก', ...meta });
    const tick = {
      id: 't1',
      actionId: 'a1',
      measureId: 'm1',
      planId: 'p1',
      date: '2024-01-02',
      status: 'done',
      meetingId: 'mt1',
      ...meta,
      stamps: { status: '000000000000001-000000-dev' },
    };
    await old.table('progress').add(tick);
    old.close();

    const current = new ItaDatabase(name);
    await current.open();
    expect(current.verno).toBe(2);
    // What IndexedDB itself holds, not only what Dexie declares.
    const store = current.backendDB().transaction('progress').objectStore('progress');
    expect([...store.indexNames].sort()).toEqual(['actionId', 'measureId', 'meetingId', 'planId']);
    // Every other table keeps its indexes.
    for (const [table, spec] of Object.entries(SCHEMA_V1)) {
      if (table !== 'progress') expect(SCHEMA_V2[table as keyof typeof SCHEMA_V2]).toBe(spec);
    }
    expect(await current.progress.get('t1')).toEqual(tick);
    for (const index of ['planId', 'measureId', 'actionId', 'meetingId'] as const) {
      expect(await current.progress.where(index).equals(tick[index]).primaryKeys()).toEqual(['t1']);
    }
    expect((await measureDetail(current, 'm1'))!.progress).toEqual({ done: 1, total: 1 });
    current.close();
  });
});
