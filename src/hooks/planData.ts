/** Named data hooks of the plan, measure, action and history pages. */
import { db } from '../db/db';
import * as q from '../db/planQueries';
import { lastShown, type Use } from './data';
import { useLiveQuery } from './useLiveQuery';

export const usePlanOverview = (planId: string, use: Use = {}) =>
  useLiveQuery(() => q.planOverview(db, planId), [planId], lastShown(use, `plan:${planId}`));
export const useMeasureDetail = (measureId: string, use: Use = {}) =>
  useLiveQuery(() => q.measureDetail(db, measureId), [measureId], lastShown(use, `measure:${measureId}`));
export const useActionContext = (actionId: string) =>
  useLiveQuery(() => q.actionContext(db, actionId), [actionId]);
export const useActionHistory = (actionId: string) =>
  useLiveQuery(() => q.actionHistory(db, actionId), [actionId]);
export const useRecordHistory = (table: 'meetings' | 'quarterlyRecords', id: string) =>
  useLiveQuery(() => q.recordHistory(db, table, id), [table, id]);
