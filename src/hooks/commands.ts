/** The app's command set, bound to the one database. Pages call these; components never do. */
import { defaultDeps, makeCommands } from '../db/commands';
import { db } from '../db/db';
import { makeImportCommands } from '../db/importPlan';

export const commands = makeCommands(db);
/** Saving an imported plan in one transaction (new, replace or keep both). */
export const importer = makeImportCommands(db, defaultDeps);
export { WriteError } from '../db/commands';
