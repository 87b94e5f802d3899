/** Settling sync conflicts, bound to the app's database. */
import { defaultDeps } from '../db/commands';
import { makeConflictCommands } from '../db/conflictCommands';
import { db } from '../db/db';

const commands = makeConflictCommands(db, defaultDeps);
export const resolveConflict = commands.resolveConflict;
