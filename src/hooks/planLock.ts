/** Whether a plan is last year's, read-only (planLock.ts), and the commands of the plan's years. */
import { defaultDeps } from '../db/commands';
import { db } from '../db/db';
import { makeNextYearCommands } from '../db/nextYearCommands';
import { planLock } from '../db/planLock';
import { useLiveQuery } from './useLiveQuery';

export const planCommands = makeNextYearCommands(db, defaultDeps);
export const usePlanLock = (planId: string) => useLiveQuery(() => planLock(db, planId), [planId]);
