/** Follow-up data hooks and commands: meetings, quarterly records, evidence, dashboard. */
import { openConflictCount } from '../db/conflictQueries';
import { db } from '../db/db';
import { defaultDeps } from '../db/commands';
import { makeFollowUpCommands } from '../db/followUpCommands';
import * as q from '../db/followUpQueries';
import type { Quarter } from '../domain/fiscalCalendar';
import type { SyncConflict } from '../domain/syncProtocol';
import type { EvidenceTargetTable } from '../domain/types';
import { useLiveQuery } from './useLiveQuery';

export const followUp = makeFollowUpCommands(db, defaultDeps);

export const useMeetings = (planId: string) => useLiveQuery(() => q.listMeetings(db, planId), [planId]);
// Meeting mode and the dashboard only show their views: they draw from the last one shown (viewSnapshot.ts).
export const useMeetingView = (meetingId: string) =>
  useLiveQuery(() => q.meetingView(db, meetingId), [meetingId], `meeting:${meetingId}`);
export const useQuarterView = (planId: string, quarter: Quarter) =>
  useLiveQuery(() => q.quarterView(db, planId, quarter), [planId, quarter]);
export const useDashboard = (planId: string, today: string) =>
  useLiveQuery(() => q.dashboardView(db, planId, today), [planId, today], `dashboard:${planId}:${today}`);
export const useEvidence = (table: EvidenceTargetTable, id: string) =>
  useLiveQuery(() => q.evidenceFor(db, [{ table, id }]), [table, id]);
export const useStoredFiles = () => useLiveQuery(() => q.storedFiles(db), []);
export const useOpenConflictCount = (table: SyncConflict['table'], id: string) =>
  useLiveQuery(() => openConflictCount(db, table, id), [table, id]);

/** Bytes of a stored file; read once (files never change: content-addressed). */
export const fileOf = (sha256: string) => q.fileOf(db, sha256);
