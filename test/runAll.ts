/**
 * The one gate (`npm test` = `npm run check`): typecheck, lint, format check,
 * unit and component tests, production build, end-to-end tests in Chromium.
 * Ends with a plain "N passed, N failed" line that counts every test run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const REPORTS = '.reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

interface Step {
  name: string;
  cmd: string[];
}

const bin = (name: string) => `node_modules/.bin/${name}`;
const steps: Step[] = [
  { name: 'typecheck (app)', cmd: [bin('tsc'), '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'typecheck (service worker)', cmd: [bin('tsc'), '-p', 'src/sw/tsconfig.json', '--noEmit'] },
  { name: 'typecheck (node)', cmd: [bin('tsc'), '-p', 'tsconfig.node.json', '--noEmit'] },
  { name: 'lint', cmd: [bin('eslint'), '.'] },
  { name: 'format', cmd: [bin('prettier'), '--check', '.', '--log-level', 'warn'] },
  {
    name: 'unit and component tests',
    cmd: [
      bin('vitest'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${REPORTS}/vitest.json`,
    ],
  },
  { name: 'build', cmd: [bin('vite'), 'build', '--logLevel', 'warn'] },
  { name: 'end-to-end tests (Chromium)', cmd: [bin('playwright'), 'test'] },
];

const failedSteps: string[] = [];
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  const r = spawnSync(step.cmd[0]!, step.cmd.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const ok = r.status === 0;
  console.log(`${ok ? '✓' : '✗'} ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failedSteps.push(step.name);
}

function readJson<T>(path: string): T | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
}

const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number }>(
  `${REPORTS}/vitest.json`,
);
const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(
  `${REPORTS}/e2e.json`,
);

const passed = (vitest?.numPassedTests ?? 0) + (e2e?.stats.expected ?? 0) + (e2e?.stats.flaky ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (e2e?.stats.unexpected ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (e2e?.stats.skipped ?? 0);

console.log('');
console.log(
  `unit+component: ${vitest ? `${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed` : 'no report'}`,
);
console.log(`e2e: ${e2e ? `${e2e.stats.expected} passed, ${e2e.stats.unexpected} failed` : 'no report'}`);
if (failedSteps.length > 0) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length > 0 || failed > 0 || passed === 0 ? 1 : 0);
