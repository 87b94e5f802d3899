/**
 * What changed from last year's plan to this year's, measure by measure:
 * after importing the new measures document (or editing the copy), people
 * see which measures, methods, steps, items and scores are new, gone or
 * different. Measures match by number, methods and steps by kind and number.
 */
import { compareNumbering } from './numbering';
import type { Action, Measure } from './types';

type M = Pick<Measure, 'id' | 'number' | 'title' | 'responsible' | 'items' | 'indicators' | 'deletedAt'>;
type A = Pick<Action, 'measureId' | 'kind' | 'number' | 'text' | 'deletedAt'>;

export interface PlanSide {
  measures: readonly M[];
  actions: readonly A[];
}

export interface MeasureChange {
  number: number;
  title: string;
  status: 'added' | 'removed' | 'changed' | 'same';
  details: string[];
}

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);

export function planChanges(previous: PlanSide, current: PlanSide): MeasureChange[] {
  const live = <T extends { deletedAt: string | null }>(rows: readonly T[]) =>
    rows.filter((r) => !r.deletedAt);
  const before = new Map(live(previous.measures).map((m) => [m.number, m]));
  const after = new Map(live(current.measures).map((m) => [m.number, m]));
  const numbers = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a - b);
  const actionsOf = (side: PlanSide, m: M | undefined) =>
    new Map(
      live(side.actions)
        .filter((a) => m && a.measureId === m.id)
        .map((a) => [`${a.kind}|${a.number}`, a]),
    );
  return numbers.map((number) => {
    const old = before.get(number);
    const now = after.get(number);
    if (!old) return { number, title: now!.title, status: 'added', details: ['มาตรการใหม่'] };
    if (!now) return { number, title: old.title, status: 'removed', details: ['ไม่มีในแผนนี้แล้ว'] };
    const details: string[] = [];
    if (old.title !== now.title) details.push(`ชื่อเดิม: ${old.title}`);
    if (old.responsible.trim() !== now.responsible.trim())
      details.push(`ผู้รับผิดชอบ: ${old.responsible || '–'} → ${now.responsible || '–'}`);
    const oldCodes = new Set(old.items.map((i) => i.code));
    const newCodes = new Set(now.items.map((i) => i.code));
    const addedCodes = [...newCodes].filter((c) => !oldCodes.has(c));
    const removedCodes = [...oldCodes].filter((c) => !newCodes.has(c));
    if (addedCodes.length > 0) details.push(`ข้อคำถามที่เพิ่ม: ${addedCodes.join(', ')}`);
    if (removedCodes.length > 0) details.push(`ข้อคำถามที่ตัดออก: ${removedCodes.join(', ')}`);
    for (const ind of now.indicators) {
      const was = old.indicators.find((i) => i.number === ind.number);
      if (was && was.score !== null && ind.score !== null && was.score !== ind.score)
        details.push(`ตัวชี้วัดที่ ${ind.number} ${ind.name}: ${was.score} → ${ind.score} คะแนน`);
    }
    const oldActions = actionsOf(previous, old);
    const newActions = actionsOf(current, now);
    const keys = [...new Set([...oldActions.keys(), ...newActions.keys()])].sort((a, b) =>
      compareNumbering(a.split('|')[1]!, b.split('|')[1]!),
    );
    for (const key of keys) {
      const a = oldActions.get(key);
      const b = newActions.get(key);
      if (!a) details.push(`เพิ่ม ${b!.number} ${clip(b!.text)}`);
      else if (!b) details.push(`ตัดออก ${a.number} ${clip(a.text)}`);
      else if (a.text.replace(/\s+/g, ' ').trim() !== b.text.replace(/\s+/g, ' ').trim())
        details.push(`แก้ไข ${b.number} ${clip(b.text)}`);
    }
    return { number, title: now.title, status: details.length > 0 ? 'changed' : 'same', details };
  });
}
