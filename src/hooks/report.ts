/** Data of the report pages (loaded with them, not on the first screen). */
import { db } from '../db/db';
import { previousPlan, reportView } from '../db/reportQueries';
import { useLiveQuery } from './useLiveQuery';

export { planCommands } from './planLock';

export const useReportView = (planId: string) => useLiveQuery(() => reportView(db, planId), [planId]);

/** A plan and the one before it (what it was made from, or last year's of the same agency). */
export const usePlanPair = (planId: string) =>
  useLiveQuery(async () => {
    const view = await reportView(db, planId);
    if (!view) return null;
    const before = await previousPlan(db, view.data.plan);
    return {
      current: view.data,
      previous: before ? ((await reportView(db, before.id))?.data ?? null) : null,
    };
  }, [planId]);

/** A stored photo's bytes, or null when this device does not have them (another phone's, not yet fetched). */
export const photoBlob = async (sha256: string) => (await db.files.get(sha256))?.blob ?? null;
