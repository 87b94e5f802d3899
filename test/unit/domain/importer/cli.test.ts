import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../../../src/domain/exportDocument';
import { documentPath, EXAMPLE_PATH, planFacts, readExample, ROOT } from './fixtures';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run parse -- FILE` is `tsx src/cli/parse.ts FILE`; spawn it directly. */
function parse(file: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['src/cli/parse.ts', file],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 20 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'ita-parse-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const tmpFile = (name: string, content: string | Uint8Array) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

function expectSevenMeasures(run: Run): ExportDocument {
  expect(run.code).toBe(0);
  const doc = JSON.parse(run.stdout) as ExportDocument;
  expect(doc.format).toBe('ita-tracker');
  expect(doc.version).toBe(1);
  expect(doc.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(Number.isNaN(Date.parse(doc.exportedAt))).toBe(false);
  expect(doc.plans).toHaveLength(1);
  const plan = doc.plans[0];
  expect(plan?.agency.name).toBe('องค์การบริหารส่วนตำบลเรือเสาะออก');
  expect(plan?.fiscalYear).toBe(2567);
  expect(plan?.measures.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(plan?.measures.map((m) => m.actions.length)).toEqual([8, 4, 5, 6, 5, 9, 6]);
  for (const m of plan?.measures ?? []) expect(m.period).toEqual({ start: '2023-10-01', end: '2024-09-30' });
  return doc;
}

describe('npm run parse -- FILE', () => {
  it('prints the export document of a .txt file on stdout and nothing else', async () => {
    const run = await parse(EXAMPLE_PATH);
    const doc = expectSevenMeasures(run);
    expect(run.stdout.trim().startsWith('{')).toBe(true);
    expect(doc.plans[0]?.warnings.length).toBeGreaterThan(0); // warnings are still a success
  }, 30_000);

  it('gives the same plan for the example with every ำ replaced by า, as a PDF of it would read', async () => {
    const [plain, lost] = await Promise.all([
      parse(EXAMPLE_PATH),
      parse(tmpFile('lost-sara-am.txt', readExample().replace(/\u0E33/g, '\u0E32'))),
    ]);
    const plan = (run: Run) => expectSevenMeasures(run).plans[0]!;
    expect(planFacts(plan(lost))).toEqual(planFacts(plan(plain)));
    expect(plan(lost).agency.name).toBe('องค์การบริหารส่วนตำบลเรือเสาะออก');
  }, 30_000);

  it('reads a Word .docx, with its table rebuilt, the same as the text', async () => {
    const doc = expectSevenMeasures(await parse(documentPath('example.docx')));
    const text = expectSevenMeasures(await parse(EXAMPLE_PATH));
    const strip = (d: ExportDocument) =>
      d.plans[0]?.measures.map((m) => ({ ...m, actions: m.actions.map((a) => a.text) }));
    expect(strip(doc)).toEqual(strip(text));
  }, 30_000);

  it('reads a PDF with an embedded Thai font', async () => {
    const doc = expectSevenMeasures(await parse(documentPath('example.pdf')));
    const m5 = doc.plans[0]?.measures[4];
    expect(m5?.items.map((i) => i.code)).toEqual(
      'i7 i8 i9 i10 i11 i12 o11 o12 o13 o19 o20 o21 o22'.split(' '),
    );
    expect(m5?.findings.map((f) => [f.code, f.score])).toEqual([
      ['o11', 100],
      ['o19', 100],
      ['o20', 100],
    ]);
    expect(m5?.responsible).toBe('งานนโยบายและแผน สำนักปลัด');
  }, 30_000);

  it('tells the type from the content, not the file name', async () => {
    expectSevenMeasures(await parse(tmpFile('measures.pdf', readExample())));
  }, 30_000);

  it.each([
    ['an empty file', () => tmpFile('empty.txt', ''), /ไฟล์ว่าง/],
    [
      'binary data',
      () =>
        tmpFile(
          'data.bin',
          Uint8Array.from({ length: 4096 }, (_, i) => (i * 131) % 256),
        ),
      /ไม่ใช่ข้อความ/,
    ],
    ['an English text', () => documentPath('junk-english.txt'), /ไม่พบข้อความภาษาไทย/],
    ['a Shopping List with no measures', () => documentPath('junk-shopping-list.txt'), /ไม่พบมาตรการ/],
    ['garbled Thai', () => tmpFile('garbled.txt', readExample().replace(/[ก-ฮ]/g, '\uE0A1')), /เสียหาย/],
    [
      'a zip that is not a Word file',
      () => tmpFile('x.docx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])),
      /ไม่ใช่ข้อความ/,
    ],
    ['a missing file', () => join(tmp, 'nope.txt'), /ไม่พบไฟล์/],
  ])(
    'refuses %s: non-zero exit, one line on stderr, nothing on stdout',
    async (_name, file, message) => {
      const run = await parse(file());
      expect(run.code).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    },
    30_000,
  );
});
