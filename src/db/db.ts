/** The one database instance the app uses. Tests make their own ItaDatabase. */
import { ItaDatabase } from './schema';

export const db = new ItaDatabase();
