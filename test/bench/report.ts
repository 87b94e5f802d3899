/**
 * Report bench: node_modules/.bin/tsx test/bench/report.ts (BENCH_ONLY=report).
 *
 * Figures: that the first screen loads none of the report code (the app
 * built into .bench/report-dist and opened in Chromium: every JS and CSS
 * file it loads), the gzip size of the report chunk (opening a report) and
 * of the .docx writer (its button), against the first screen's; and the
 * year-end report of the acceptance example: its .docx size against the
 * export JSON it comes from, and the time to build it (model + .docx)
 * against a 100 ms budget (model + HTML shown beside it). Medians after
 * warm-up.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { buildReport } from '../../src/domain/report/buildReport';
import { reportDataFromExport } from '../../src/domain/report/reportData';
import { checkExportText } from '../../src/domain/exportSchema';
import { renderDocx } from '../../src/report/renderDocx';
import { renderDocHtml } from '../../src/report/renderHtml';
import { initialFiles } from './measure';
import { figureLine, median, serveDir, viteBuild } from './util';

const DIST = '.bench/report-dist';
const EXPORT = 'test/fixtures/report/example-export.json';
const RUNS = 15;
/** The .docx should be ready about as soon as the button's feedback shows. */
const BUDGET_MS = 100;
const details = process.argv.includes('--details');

const kb = (n: number) => n / 1000;
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

await viteBuild(['--outDir', DIST, '--emptyOutDir']);
const assets = readdirSync(`${DIST}/assets`);
const sum = (re: RegExp) =>
  assets.filter((f) => re.test(f)).reduce((s, f) => s + gz(`${DIST}/assets/${f}`), 0);
const reportChunk = sum(/^report-.*\.(js|css)$/);
const docxChunk = sum(/^renderDocx-.*\.js$/);
const fonts = assets
  .filter((f) => /^sarabun-.*\.woff2$/.test(f))
  .reduce((s, f) => s + readFileSync(`${DIST}/assets/${f}`).length, 0);

const served = await serveDir(DIST);
let first;
try {
  first = await initialFiles(served.url);
} finally {
  await served.close();
}
const firstTotal = first.reduce((s, f) => s + f.gzip, 0);
const firstReport = first
  .filter((f) => /\/(report|renderDocx)-/.test(f.path))
  .reduce((s, f) => s + f.gzip, 0);
if (details) {
  for (const f of first) console.error(`  first screen ${f.path}: ${(f.gzip / 1000).toFixed(1)} KB gzip`);
  console.error(
    `  bundled Sarabun (4 woff2, loaded with the report's print style): ${(fonts / 1000).toFixed(1)} KB`,
  );
}

const text = readFileSync(EXPORT, 'utf8');
const checked = checkExportText(text);
if (!checked.ok) throw new Error(checked.message);
const chosen = reportDataFromExport(checked.document);
if (!chosen.ok) throw new Error(chosen.message);
const options = { period: 'year', digits: 'thai', today: '2024-10-05', appendix: false } as const;
const docxMs: number[] = [];
const htmlMs: number[] = [];
let docxBytes = 0;
for (let i = 0; i < RUNS + 3; i++) {
  let t = performance.now();
  const bytes = await renderDocx(buildReport(chosen.data, options));
  const d = performance.now() - t;
  t = performance.now();
  renderDocHtml(buildReport(chosen.data, options));
  const h = performance.now() - t;
  docxBytes = bytes.length;
  if (i < 3) continue;
  docxMs.push(d);
  htmlMs.push(h);
}

console.log(
  figureLine({
    name: 'report code on the first screen (gzip)',
    value: kb(firstReport),
    floor: kb(firstTotal),
    unit: 'KB',
    digits: 1,
    floorNote: '[all initial JS+CSS]',
    target: 0,
  }),
);
console.log(
  figureLine({
    name: 'report pages chunk, on opening a report (gzip)',
    value: kb(reportChunk),
    floor: kb(firstTotal),
    unit: 'KB',
    digits: 1,
    floorNote: '[initial JS+CSS]',
    target: 0.5,
  }),
);
console.log(
  figureLine({
    name: '.docx writer chunk, on its button (gzip)',
    value: kb(docxChunk),
    floor: kb(firstTotal),
    unit: 'KB',
    digits: 1,
    floorNote: '[initial JS+CSS]',
    target: 2,
  }),
);
console.log(
  figureLine({
    name: 'year-end report .docx of the example (no appendix)',
    value: kb(docxBytes),
    floor: kb(Buffer.byteLength(text)),
    unit: 'KB',
    digits: 1,
    floorNote: '[its export JSON]',
    target: 0.25,
  }),
);
console.log(
  figureLine({
    name: `year-end report build, model + .docx (median of ${RUNS}, Node)`,
    value: median(docxMs),
    floor: BUDGET_MS,
    unit: 'ms',
    digits: 1,
    floorNote: `[budget; model + HTML takes ${median(htmlMs).toFixed(1)} ms]`,
    target: 1,
  }),
);
process.exit(0);
