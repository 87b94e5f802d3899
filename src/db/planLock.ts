/**
 * Last year's plan stays as it was: once next year's plan has been made
 * from a plan ("สร้างแผนปีถัดไป"), that plan is read-only on every device
 * by default. A person may unlock it deliberately, on this device only (a
 * correction to last year's record); the unlock is device-local, not synced,
 * so other phones keep it locked. Imports and sync still merge into it:
 * they carry work already done elsewhere.
 */
import type { Plan } from '../domain/types';
import type { ItaDatabase } from './schema';

export const UNLOCKED_KEY = 'unlockedPlans';

export interface PlanLock {
  /** True while writes to the plan are refused on this device. */
  locked: boolean;
  /** The plan made from this one, if any (live). */
  successor: Plan | null;
  /** Unlocked deliberately on this device. */
  unlocked: boolean;
}

export async function unlockedPlans(db: ItaDatabase): Promise<string[]> {
  return ((await db.meta.get(UNLOCKED_KEY))?.value as string[] | undefined) ?? [];
}

/** Plans are few (one a year per agency): a scan is cheaper than an index to keep. */
export async function planLock(db: ItaDatabase, planId: string): Promise<PlanLock> {
  const successor =
    (await db.plans.filter((p) => p.previousPlanId === planId && !p.deletedAt).first()) ?? null;
  const unlocked = (await unlockedPlans(db)).includes(planId);
  return { locked: successor !== null && !unlocked, successor, unlocked };
}

export function lockedMessage(successor: Pick<Plan, 'fiscalYear'>): string {
  return (
    `แผนนี้เป็นแผนของปีที่แล้ว (มีแผนปีงบประมาณ ${successor.fiscalYear} ที่สร้างจากแผนนี้แล้ว) จึงเปิดให้อ่านอย่างเดียว ` +
    'หากจำเป็นต้องแก้ไข ให้กด "ปลดล็อกแผนนี้" ที่หน้าแผนก่อน'
  );
}
