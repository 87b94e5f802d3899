import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkExportText } from '../../../src/domain/exportSchema';
import { buildReport } from '../../../src/domain/report/buildReport';
import { tableRows } from '../../../src/domain/report/docModel';
import { reportDataFromExport } from '../../../src/domain/report/reportData';
import { exampleExport } from '../../fixtures/report/exampleExport';
import { docxTableRows, htmlTableRows } from './readBack';

const ROOT = join(import.meta.dirname, '../../..');
const EXPORT = join(ROOT, 'test/fixtures/report/example-export.json');

interface Run {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** `npm run report -- …` is `tsx src/cli/report.ts …`; spawned directly. */
function report(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['src/cli/report.ts', ...args],
      { cwd: ROOT, encoding: 'buffer', maxBuffer: 20 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr: stderr.toString('utf8') }),
    );
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'ita-report-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What the app would show for the same file: the same model builder. */
function expectedRows(period: 'half' | 'year') {
  const checked = checkExportText(readFileSync(EXPORT, 'utf8'));
  if (!checked.ok) throw new Error(checked.message);
  const chosen = reportDataFromExport(checked.document);
  if (!chosen.ok) throw new Error(chosen.message);
  return tableRows(
    buildReport(chosen.data, { period, digits: 'thai', today: '2024-10-05', appendix: false }),
  );
}

describe('npm run report -- EXPORT.json', () => {
  it('the committed example export is what the seeded example makes today', async () => {
    const made = await exampleExport();
    expect(JSON.parse(readFileSync(EXPORT, 'utf8'))).toEqual(JSON.parse(JSON.stringify(made)));
  });

  it('prints the year-end report as one HTML file with the same rows as the app', async () => {
    const run = await report([EXPORT, '--period', 'year', '--format', 'html', '--date', '2024-10-05']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const html = run.stdout.toString('utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('@font-face');
    expect(htmlTableRows(html)).toEqual(expectedRows('year'));
  }, 30_000);

  it('writes the six-month report as .docx bytes whose table reads back with the same rows', async () => {
    const run = await report([EXPORT, '--period', 'half', '--format', 'docx', '--date', '2024-10-05']);
    expect(run.code).toBe(0);
    expect(run.stdout.subarray(0, 2).toString('latin1')).toBe('PK');
    const [table] = await docxTableRows(new Uint8Array(run.stdout));
    expect(table).toEqual(expectedRows('half'));
  }, 30_000);

  it('refuses a file that is not an export, a missing file, a wrong plan and bad options: exit 1, one line, empty stdout', async () => {
    const notJson = join(tmp, 'minutes.json');
    writeFileSync(notJson, 'รายงานการประชุม');
    const cases: [string[], RegExp][] = [
      [[notJson, '--period', 'year', '--format', 'html'], /ไม่ใช่ไฟล์ JSON/],
      [[join(tmp, 'nope.json'), '--period', 'year', '--format', 'html'], /ไม่พบไฟล์/],
      [[EXPORT, '--period', 'year', '--format', 'html', '--plan', 'no-such-plan'], /ไม่พบแผน no-such-plan/],
      [[EXPORT, '--period', 'q3', '--format', 'html'], /--period/],
      [[EXPORT, '--period', 'year', '--format', 'pdf'], /--format/],
      [[EXPORT, '--period', 'year'], /--format/],
    ];
    for (const [args, message] of cases) {
      const run = await report(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stdout.length).toBe(0);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 60_000);
});
