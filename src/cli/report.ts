/**
 * `npm run report -- EXPORT.json --period half|year [--plan ID] --format docx|html
 * [--digits thai|arabic] [--date YYYY-MM-DD] > FILE`: the report the app
 * prints, from an export file, for the agency's IT person. The same model
 * and renderers as the app (src/domain/report, src/report), so the rows are
 * the app's rows. A .docx goes to stdout as bytes; the HTML is one file with
 * the fonts inside. Anything wrong: exit 1, one line on stderr, nothing on
 * stdout. Photos are not in a JSON export, so there is no appendix here.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { bangkokDate, isIsoDate } from '../domain/fiscalCalendar';
import { checkExportText } from '../domain/exportSchema';
import { buildReport } from '../domain/report/buildReport';
import { reportDataFromExport } from '../domain/report/reportData';
import { renderDocx } from '../report/renderDocx';
import { standaloneHtml } from '../report/renderHtml';
import type { FontUrls } from '../report/reportCss';

const USAGE =
  'usage: npm run report -- EXPORT.json --period half|year [--plan ID] --format docx|html [--digits thai|arabic]';

class Usage extends Error {}

function fail(message: string): void {
  process.stderr.write(`report: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exitCode = 1;
}

/** The bundled Sarabun as data URLs, so the HTML prints the same anywhere. */
function embeddedFonts(): FontUrls {
  const require = createRequire(import.meta.url);
  const file = (name: string) =>
    `data:font/woff2;base64,${readFileSync(require.resolve(`@fontsource/sarabun/files/${name}`)).toString('base64')}`;
  return {
    thai400: file('sarabun-thai-400-normal.woff2'),
    latin400: file('sarabun-latin-400-normal.woff2'),
    thai700: file('sarabun-thai-700-normal.woff2'),
    latin700: file('sarabun-latin-700-normal.woff2'),
  };
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        period: { type: 'string' },
        plan: { type: 'string' },
        format: { type: 'string' },
        digits: { type: 'string', default: 'thai' },
        date: { type: 'string' },
      },
    });
  } catch (error) {
    throw new Usage(`${(error as Error).message}; ${USAGE}`);
  }
  const { values, positionals } = args;
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new Usage(`ระบุไฟล์ส่งออกหนึ่งไฟล์ (${USAGE})`);
  if (values.period !== 'half' && values.period !== 'year')
    throw new Usage(`--period ต้องเป็น half (รอบ 6 เดือน) หรือ year (ประจำปี) (${USAGE})`);
  if (values.format !== 'docx' && values.format !== 'html')
    throw new Usage(`--format ต้องเป็น docx หรือ html (${USAGE})`);
  if (values.digits !== 'thai' && values.digits !== 'arabic')
    throw new Usage(`--digits ต้องเป็น thai หรือ arabic (${USAGE})`);
  const today = values.date ?? bangkokDate(new Date());
  if (!isIsoDate(today)) throw new Usage(`--date ต้องเป็นวันที่แบบ YYYY-MM-DD`);

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Usage(
      `${code === 'ENOENT' ? 'ไม่พบไฟล์ (file not found)' : 'อ่านไฟล์ไม่ได้ (cannot read file)'}: ${file}`,
    );
  }
  const checked = checkExportText(text);
  if (!checked.ok) throw new Usage(checked.message);
  const chosen = reportDataFromExport(checked.document, values.plan);
  if (!chosen.ok) throw new Usage(chosen.message);

  const model = buildReport(chosen.data, {
    period: values.period,
    digits: values.digits,
    today,
    appendix: false,
  });
  // Built in full before anything is written: a failure leaves stdout empty.
  const out =
    values.format === 'docx'
      ? await renderDocx(model)
      : new TextEncoder().encode(standaloneHtml(model, embeddedFonts()));
  process.stdout.write(out);
}

main().catch((error: unknown) =>
  fail(error instanceof Usage ? error.message : `เกิดข้อผิดพลาด (unexpected error): ${String(error)}`),
);
