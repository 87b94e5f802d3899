/**
 * The startup bench: the app against the floor page (floor/main.tsx), both
 * built with Vite into .bench/ and served by the app's server on 127.0.0.1.
 * Figures: gzip size of the JS+CSS a first visit loads, and the median
 * offline cold start to the first meaningful render: the landmark in the DOM
 * and that frame painted (MARK_AFTER_PAINT in measure.ts). Target for both:
 * ≤ 1.3× the floor.
 */
import { initialFiles, offlineColdStart, type Landmark, type LoadedFile } from './measure';
import { figureLine, median, serveDir, viteBuild } from './util';

const APP_DIST = '.bench/app-dist';
const FLOOR_DIST = '.bench/floor-dist'; // set in floor/vite.config.ts
const RUNS = 7;
const TARGET = 1.3;
const FLOOR_NOTE = '[preact+dexie+workbox-window+preact-iso+valibot]';

/** The app's first screen is ready when its heading shows (after the plans are read from IndexedDB). */
const APP_LANDMARK: Landmark = { selector: 'main h1', text: 'แผนมาตรการของหน่วยงาน' };
/** The floor page renders its heading, list and button once its liveQuery answers. */
const FLOOR_LANDMARK: Landmark = { selector: 'main h1', text: 'รายการ' };

const kb = (files: LoadedFile[]) => files.reduce((sum, f) => sum + f.gzip, 0) / 1000;

function describe(label: string, files: LoadedFile[]): string[] {
  return files.map((f) => `  ${label} ${f.path}: ${f.bytes} B, ${(f.gzip / 1000).toFixed(1)} KB gzip`);
}

/** Returns the figure lines; with `details`, writes per-file sizes and per-run times to stderr. */
export async function startupBench(details: boolean): Promise<string[]> {
  await viteBuild(['--outDir', APP_DIST, '--emptyOutDir']);
  await viteBuild(['--config', 'test/bench/floor/vite.config.ts']);

  const app = await serveDir(APP_DIST);
  const floor = await serveDir(FLOOR_DIST);
  try {
    const appFiles = await initialFiles(app.url);
    const floorFiles = await initialFiles(floor.url);

    // One unmeasured pair first (the first browser launches read Chromium from disk), then
    // app and floor alternate, each going first every other time, so a slow moment of the
    // machine hits both alike.
    const appMs: number[] = [];
    const floorMs: number[] = [];
    const appRun = () => offlineColdStart(app.url, APP_LANDMARK);
    const floorRun = () => offlineColdStart(floor.url, FLOOR_LANDMARK);
    for (let i = 0; i <= RUNS; i++) {
      let appTime: number;
      let floorTime: number;
      if (i % 2 === 0) {
        appTime = await appRun();
        floorTime = await floorRun();
      } else {
        floorTime = await floorRun();
        appTime = await appRun();
      }
      if (i === 0) continue;
      appMs.push(appTime);
      floorMs.push(floorTime);
    }

    if (details) {
      const ms = (runs: number[]) => runs.map((n) => n.toFixed(0)).join(', ');
      console.error([...describe('app', appFiles), ...describe('floor', floorFiles)].join('\n'));
      console.error(`  cold starts (ms): app ${ms(appMs)}; floor ${ms(floorMs)}`);
    }

    return [
      figureLine({
        name: 'initial JS+CSS (gzip)',
        value: kb(appFiles),
        floor: kb(floorFiles),
        unit: 'KB',
        digits: 1,
        floorNote: FLOOR_NOTE,
        target: TARGET,
      }),
      figureLine({
        name: `offline cold start to first render (median of ${RUNS})`,
        value: median(appMs),
        floor: median(floorMs),
        unit: 'ms',
        digits: 0,
        target: TARGET,
      }),
    ];
  } finally {
    await Promise.all([app.close(), floor.close()]);
  }
}
