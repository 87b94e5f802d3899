/**
 * The import bench: importing a 20,000-record export file into IndexedDB,
 * against a raw Dexie bulkPut of the same rows (target: within 1.5×), and
 * re-importing the same file, which must write nothing.
 *
 * The page (importPage/main.ts, the app's real db and domain modules) is
 * built with Vite into .bench/import-dist and served by the app's server on
 * 127.0.0.1; Chromium runs it in a temporary on-disk profile (IndexedDB of an
 * incognito context lives in memory, which would flatter both figures).
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import type { BenchResult, BenchOptions } from './importPage/main';
import { deadline, median, serveDir, viteBuild } from './util';

const DIST = '.bench/import-dist'; // set in importPage/vite.config.ts
const RECORDS = 20_000;
const RUNS = 5;
const TARGET = 1.5;
const STEP_MS = 30_000;
const BENCH_MS = 6 * 60_000;

const thousands = (n: number) => n.toLocaleString('en-US');

/** Returns the figure lines; with `details`, writes the dataset, per-run times and a profile to stderr. */
export async function importBench(details: boolean): Promise<string[]> {
  await viteBuild(['--config', 'test/bench/importPage/vite.config.ts']);
  const server = await serveDir(DIST);
  const profile = await mkdtemp(join(tmpdir(), 'ita-bench-import-'));
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
  };
  try {
    const result = await deadline(
      (async () => {
        context = await chromium.launchPersistentContext(profile, {
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
          timeout: STEP_MS,
        });
        context.setDefaultTimeout(STEP_MS);
        const page = context.pages()[0] ?? (await context.newPage());
        const errors: string[] = [];
        page.on('pageerror', (err) => errors.push(err.message));
        await page.goto(server.url, { waitUntil: 'load' });
        await page
          .waitForFunction(() => 'runImportBench' in window, undefined, { timeout: STEP_MS })
          .catch((err: unknown) => {
            throw new Error(`the bench page did not load${errors.length ? `: ${errors.join('; ')}` : ''}`, {
              cause: err,
            });
          });
        const options: BenchOptions = { runs: RUNS, profile: details };
        // A string, not a function: tsx's name helpers would not exist in the page.
        return (await page.evaluate(
          `window.runImportBench(${RECORDS}, ${JSON.stringify(options)})`,
        )) as BenchResult;
      })(),
      BENCH_MS,
      'import bench',
      close,
    );

    const runs = result.runs;
    const importMs = median(runs.map((r) => r.importMs));
    const rawMs = median(runs.map((r) => r.rawMs));
    const reimportMs = median(runs.map((r) => r.reimportMs));
    const written = Math.max(...runs.map((r) => r.reimportWritten));
    const ratio = importMs / rawMs;

    if (details) {
      const list = (xs: number[]) => xs.map((n) => n.toFixed(0)).join(', ');
      console.error(
        `  file: ${thousands(result.records)} records ${JSON.stringify(result.counts)}, ` +
          `${(result.fileBytes / 1e6).toFixed(1)} MB of JSON, made in ${(result.generateMs / 1000).toFixed(1)} s`,
      );
      console.error(`  import (ms): ${list(runs.map((r) => r.importMs))}`);
      console.error(`    of which checkExportText (ms): ${list(runs.map((r) => r.checkMs))}`);
      console.error(`  raw bulkPut (ms): ${list(runs.map((r) => r.rawMs))}`);
      console.error(`  re-import (ms): ${list(runs.map((r) => r.reimportMs))}`);
      console.error(`  outbox entries after the import: ${list(runs.map((r) => r.outboxAfterImport))}`);
      for (const [k, v] of Object.entries(result.profile ?? {})) console.error(`  profile: ${k}: ${v}`);
    }

    return [
      `import ${thousands(result.records)}-record export into IndexedDB (median of ${RUNS}): ` +
        `${importMs.toFixed(0)} ms (raw bulkPut ${rawMs.toFixed(0)} ms, ratio ${ratio.toFixed(2)}, ` +
        `target ≤ ${TARGET}: ${ratio <= TARGET ? 'met' : 'MISSED'})`,
      `re-import of the same file (no changes, median of ${RUNS}): ${reimportMs.toFixed(0)} ms ` +
        `(baseline first import ${importMs.toFixed(0)} ms, ratio ${(reimportMs / importMs).toFixed(2)}; ` +
        `records written ${written})`,
    ];
  } finally {
    await close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
}

// Run on its own: `npx tsx test/bench/importBench.ts [--details]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const lines = await importBench(process.argv.includes('--details'));
  for (const line of lines) console.log(line);
}
