/**
 * Migration harness: open an older schema version exactly as it shipped, put
 * rows in, close, open the current ItaDatabase, and assert nothing was lost.
 * When version 2 arrives, add its SCHEMA_V2 and a case below from 1 → 2.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ItaDatabase, SCHEMA_V1 } from '../../../src/db/schema';

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
});
