import { makeCommands } from '../../../src/db/commands';
import { ItaDatabase } from '../../../src/db/schema';

let counter = 0;

/** A fresh database on fake-indexeddb with a controllable clock and sequential ids. */
export function testDb(start = '2024-01-15T03:00:00.000Z') {
  const db = new ItaDatabase(`test-${++counter}-${Math.random().toString(36).slice(2)}`);
  let time = new Date(start).getTime();
  let id = 0;
  const clock = {
    now: () => new Date(time),
    advance: (ms: number) => {
      time += ms;
    },
  };
  const newId = () => `00000000-0000-7000-8000-${String(++id).padStart(12, '0')}`;
  const commands = makeCommands(db, { now: clock.now, newId });
  return { db, clock, commands };
}

export const planInput = {
  agency: { name: 'องค์การบริหารส่วนตำบลทดสอบ', district: 'เมือง', province: 'นราธิวาส' },
  assessmentYear: 2566,
  fiscalYear: 2567,
  overallScore: 98.82,
  rating: 'ผ่านดีเยี่ยม',
  constraints: [],
};
