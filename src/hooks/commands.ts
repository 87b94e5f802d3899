/** The app's command set, bound to the one database. Pages call these; components never do. */
import { makeCommands } from '../db/commands';
import { db } from '../db/db';

export const commands = makeCommands(db);
export { WriteError } from '../db/commands';
