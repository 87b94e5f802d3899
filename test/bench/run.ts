/**
 * `npm run bench`: prints figures, one line each (contracts.md), compared with
 * a floor or baseline. A report, not a test: a missed target still exits 0;
 * a measurement that fails exits 1. `npm run bench -- --details` also writes
 * the per-file sizes and per-run times to stderr.
 *
 * To add a bench, add an entry to BENCHES: an in-process function returning
 * its lines, or a script (run with tsx, its stdout passed through; skipped
 * while the file does not exist).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { followUpBench } from './followUp';
import { importBench } from './importBench';
import { pullBench } from './pull';
import { startupBench } from './startup';
import { killChildren, runChild } from './util';

type Bench =
  { name: string; run: () => Promise<string[]> } | { name: string; script: string; timeoutMs: number };

const details = process.argv.includes('--details');
const BENCHES: Bench[] = [
  { name: 'startup', run: () => startupBench(details) },
  { name: 'parse', script: 'test/bench/parse.ts', timeoutMs: 5 * 60_000 },
  { name: 'followUp', run: () => followUpBench(details) },
  { name: 'import', run: () => importBench(details) },
  { name: 'upload', script: 'test/bench/upload.ts', timeoutMs: 3 * 60_000 },
  { name: 'push', script: 'test/bench/push.ts', timeoutMs: 3 * 60_000 },
  { name: 'pull', run: () => pullBench(details) },
  { name: 'report', script: 'test/bench/report.ts', timeoutMs: 5 * 60_000 },
  { name: 'load', script: 'test/bench/load.ts', timeoutMs: 3 * 60_000 },
];
// BENCH_ONLY=followUp (comma-separated names) runs only those benches.
const only = process.env.BENCH_ONLY?.split(',').map((n) => n.trim());
const WATCHDOG_MS = 15 * 60_000;

// Paths (and the app server's static root) are relative to the project.
process.chdir(fileURLToPath(new URL('../..', import.meta.url)));

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 60_000} min, stopping`);
  killChildren();
  process.exit(1); // Playwright closes its browsers on exit
}, WATCHDOG_MS);

let failed = false;
for (const bench of BENCHES.filter((b) => !only || only.includes(b.name))) {
  try {
    if ('run' in bench) {
      for (const line of await bench.run()) console.log(line);
    } else if (existsSync(bench.script)) {
      await runChild('node_modules/.bin/tsx', [bench.script], { timeoutMs: bench.timeoutMs });
    }
  } catch (err) {
    failed = true;
    console.error(`bench ${bench.name} failed:`, err instanceof Error ? err.message : err);
  }
}
clearTimeout(watchdog);
process.exit(failed ? 1 : 0);
