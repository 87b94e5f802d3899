/** The export format as a JSON Schema (draft-07), generated from exportSchema.ts. */
import { toJsonSchema } from '@valibot/to-json-schema';
import { exportDocumentSchema } from './exportSchema';

export function exportJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(exportDocumentSchema, { errorMode: 'throw' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://ita-tracker.local/schema/export-v1.json',
    title: 'ITA Tracker export, version 1',
    description:
      'Plans with measures and actions, progress ticks, meetings, quarterly records, evidence metadata and optionally the change log. Years are Buddhist-era integers, dates ISO YYYY-MM-DD, item codes lower case.',
  };
}
