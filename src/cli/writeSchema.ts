/**
 * `npm run schema`: writes public/schema/export-v1.json, the JSON Schema of
 * the export format, generated from the valibot schema the app and server
 * validate with (one definition, two forms). A test fails when the file is
 * out of date.
 */
import { writeFileSync } from 'node:fs';
import { exportJsonSchema } from '../domain/exportJsonSchema';

const path = 'public/schema/export-v1.json';
writeFileSync(path, `${JSON.stringify(exportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path}`);
