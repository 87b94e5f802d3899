/**
 * `npm run parse -- FILE`: a measures document (.txt, .docx or .pdf, told
 * apart by content) → the export document with one plan, as JSON on stdout.
 * Anything that is not a measures document: exit 1, one line on stderr,
 * nothing on stdout. Warnings are part of the plan, so a document with
 * warnings still succeeds.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseMeasuresDocument } from '../domain/importer/parseMeasuresDocument';
import { extractText } from './extractText';

function fail(message: string, code = 1): void {
  process.stderr.write(`parse: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exitCode = code;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) return fail('ระบุไฟล์ที่จะอ่าน (usage: npm run parse -- FILE)', 2);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'ไม่พบไฟล์ (file not found)'
        : 'อ่านไฟล์ไม่ได้ (cannot read file)';
    return fail(`${reason}: ${file}`, 2);
  }
  // pdf.js reports font problems with console.log; stdout is reserved for the JSON.
  console.log = (...args: unknown[]) => console.error(...args);
  const extracted = await extractText(bytes);
  if (!extracted.ok) return fail(extracted.error.message);
  const result = parseMeasuresDocument(extracted.text, {
    exportId: randomUUID(),
    exportedAt: new Date().toISOString(),
  });
  if (!result.ok) return fail(result.error.message);
  process.stdout.write(`${JSON.stringify(result.document, null, 2)}\n`);
}

main().catch((error: unknown) => fail(`เกิดข้อผิดพลาด (unexpected error): ${String(error)}`));
