import { describe, expect, it } from 'vitest';
import {
  conflictField,
  conflictPlace,
  conflictSource,
  conflictValue,
} from '../../../src/domain/conflictView';
import { encodeHlc } from '../../../src/domain/hlc';
import type { SyncConflict } from '../../../src/domain/syncProtocol';

const conflict = (table: SyncConflict['table'], field = 'title'): SyncConflict => ({
  id: 'c1',
  table,
  recordId: 'r1',
  field,
  winner: { value: 'x', stamp: 's2', deviceId: 'b' },
  loser: { value: 'y', stamp: 's1', deviceId: 'a' },
  createdAt: '2024-01-15T03:00:00.000Z',
  resolvedAt: null,
});
const measure = { id: 'm1', number: 2, title: 'จัดซื้อจัดจ้าง' };

describe('conflictPlace', () => {
  it('names each kind of record in Thai and links to where it opens', () => {
    expect(
      conflictPlace(
        conflict('plans'),
        { record: { agency: { name: 'อบต.ทดสอบ' }, fiscalYear: 2567 } },
        'arabic',
      ),
    ).toEqual({
      where: 'แผนของอบต.ทดสอบ · ปีงบประมาณ 2567',
      href: '/plans/r1',
    });
    expect(conflictPlace(conflict('measures'), { record: measure }, 'thai')).toEqual({
      where: 'มาตรการที่ ๒ จัดซื้อจัดจ้าง',
      href: '/measures/r1',
    });
    expect(
      conflictPlace(
        conflict('actions'),
        { record: { measureId: 'm1', number: '3.1', text: 'รายงานผล' }, measure },
        'arabic',
      ),
    ).toEqual({ where: 'วิธีการ/ขั้นตอน 3.1 รายงานผล · มาตรการที่ 2 จัดซื้อจัดจ้าง', href: '/measures/m1' });
    expect(
      conflictPlace(
        conflict('progress', 'deletedAt'),
        { record: { actionId: 'a1' }, action: { number: '3.1', text: 'รายงานผล' }, measure },
        'arabic',
      ),
    ).toEqual({ where: 'การลงผล 3.1 รายงานผล · มาตรการที่ 2 จัดซื้อจัดจ้าง', href: '/actions/a1/history' });
    expect(
      conflictPlace(conflict('meetings'), { record: { number: '3/2567', title: 'ประจำเดือน' } }, 'arabic'),
    ).toEqual({
      where: 'การประชุมครั้งที่ 3/2567 · ประจำเดือน',
      href: '/meetings/r1',
    });
    expect(
      conflictPlace(
        conflict('quarterlyRecords', 'results'),
        { record: { planId: 'p1', measureId: 'm1', fiscalYear: 2567, quarter: 2 }, measure },
        'arabic',
      ),
    ).toEqual({
      where: 'บันทึกรายงานผลไตรมาส 2/2567 · มาตรการที่ 2 จัดซื้อจัดจ้าง',
      href: '/plans/p1/quarters/2/measures/m1',
    });
    expect(conflictPlace(conflict('evidence', 'name'), { record: { name: 'ภาพ.jpg' } }, 'arabic')).toEqual({
      where: 'หลักฐาน ภาพ.jpg',
      href: null,
    });
  });

  it('a record this device does not hold yet says so and links nowhere', () => {
    expect(conflictPlace(conflict('meetings'), {}, 'arabic')).toEqual({
      where: 'การประชุม (ยังไม่มีในเครื่องนี้ จะมาพร้อมการซิงก์)',
      href: null,
    });
  });
});

describe('conflictValue and conflictField', () => {
  it('shows values as a person reads them', () => {
    expect(conflictValue('status', 'in_progress', 'arabic')).toBe('อยู่ระหว่างดำเนินการ');
    expect(conflictValue('status', 'final', 'arabic')).toBe('ฉบับสมบูรณ์');
    expect(conflictValue('deletedAt', '2024-01-15T03:00:00.000Z', 'arabic')).toBe('ลบแล้ว');
    expect(conflictValue('deletedAt', null, 'arabic')).toBe('ไม่ได้ลบ');
    expect(conflictValue('closedAt', null, 'arabic')).toBe('ยังไม่ปิดการประชุม');
    expect(conflictValue('results', '', 'arabic')).toBe('(ว่าง)');
    expect(conflictValue('budgetSpent', 2500, 'thai')).toBe('๒๕๐๐');
    expect(conflictValue('period', { start: '2023-10-01', end: null }, 'arabic')).toBe(
      '{"start":"2023-10-01","end":null}',
    );
  });

  it('names fields in Thai, and an unknown one by its own name', () => {
    expect(conflictField(conflict('quarterlyRecords', 'problems'))).toBe('ปัญหา อุปสรรค');
    expect(conflictField(conflict('plans', 'someNewField'))).toBe('someNewField');
  });
});

describe('conflictSource', () => {
  const side = (deviceId: string, stamp: string) => ({ value: 'x', stamp, deviceId });
  const at = encodeHlc({ wall: Date.parse('2024-01-15T03:05:00Z'), counter: 2, node: 'dev-1234567890' });
  it('names this phone by its name, another by the end of its id, with the time in Bangkok', () => {
    expect(conflictSource(side('dev-1234567890', at), { 'dev-1234567890': 'มือถืองานแผน' }, 'arabic')).toBe(
      'มือถืองานแผน · 15 ม.ค. 2567 10:05',
    );
    expect(conflictSource(side('dev-1234567890', at), {}, 'thai')).toBe('เครื่อง …567890 · ๑๕ ม.ค. ๒๕๖๗ ๑๐:๐๕');
  });
  it('a stamp it cannot read shows the device alone', () => {
    expect(conflictSource(side('dev-1234567890', 'not a stamp'), {}, 'arabic')).toBe('เครื่อง …567890');
  });
});
