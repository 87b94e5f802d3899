import preact from '@preact/preset-vite';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { ROUTES, routePreloadScript } from './src/routes';

/** The app's web manifest: Thai names, installable, standalone. */
const manifest = {
  name: 'ติดตามมาตรการ ITA',
  short_name: 'มาตรการ ITA',
  description: 'บันทึกและติดตามการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
  lang: 'th',
  dir: 'ltr' as const,
  start_url: '/',
  scope: '/',
  id: '/',
  display: 'standalone' as const,
  // No orientation: a phone on its side or a tablet in a stand keeps the app the way it is held.
  theme_color: '#1d4e89',
  background_color: '#ffffff',
  categories: ['productivity', 'government'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  // Long-press on the installed icon. Plans have ids; /go/… opens the newest plan's page.
  shortcuts: [
    {
      name: 'ประชุมประจำเดือน',
      short_name: 'ประชุม',
      description: 'ลงผลในการประชุมประจำเดือนของแผนล่าสุด',
      url: '/go/meeting',
      icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
    },
    {
      name: 'ลงผลขั้นตอน',
      short_name: 'ลงผล',
      description: 'เปิดมาตรการของแผนล่าสุดเพื่อลงผล',
      url: '/go/tick',
      icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
    },
    {
      name: 'รายงานรายไตรมาส',
      short_name: 'รายงาน',
      description: 'บันทึกและรายงานผลรายไตรมาสของแผนล่าสุด',
      url: '/go/report',
      icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
    },
  ],
  // The richer install sheet on Android: made from the app by test/fixtures/make-screenshots.ts.
  screenshots: [
    {
      src: '/screenshots/plan-narrow.png',
      sizes: '720x1560',
      type: 'image/png',
      form_factor: 'narrow' as const,
      label: 'แผนของหน่วยงานกับความคืบหน้าของแต่ละมาตรการ',
    },
    {
      src: '/screenshots/meeting-narrow.png',
      sizes: '720x1560',
      type: 'image/png',
      form_factor: 'narrow' as const,
      label: 'ลงผลในการประชุมประจำเดือน แตะครั้งเดียวต่อขั้นตอน',
    },
    {
      src: '/screenshots/dashboard-wide.png',
      sizes: '1280x800',
      type: 'image/png',
      form_factor: 'wide' as const,
      label: 'ภาพรวมความคืบหน้าของแผน',
    },
  ],
};

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
/** Shown in settings; BUILD_ID lets a deployment (or the update test) tell builds apart. */
const appVersion = process.env.BUILD_ID ? `${pkg.version}+${process.env.BUILD_ID}` : pkg.version;

/**
 * A hash of the app's source: the screens' stored snapshots
 * (src/hooks/viewSnapshot.ts) are read only by the build that wrote them.
 */
function sourceHash(): string {
  const root = fileURLToPath(new URL('./src/', import.meta.url));
  const hash = createHash('sha256');
  // Paths relative to src/: the same source gives the same hash wherever it is checked out.
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => relative(root, join(f.parentPath, f.name)).split(sep).join('/'))
    .sort();
  for (const file of files) hash.update(file).update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Lets index.html fetch the opening page's code at once: a small inline
 * script (src/routes.ts) adds modulepreload links for the chunks of the
 * route the address matches. Without it, those chunks are asked for only
 * after the main bundle has run, one round trip later. Files the entry
 * already loads are left out.
 */
function routePreload(): Plugin {
  return {
    name: 'ita-route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (start: string[], into = new Set<string>()) => {
          for (const name of start) {
            if (into.has(name)) continue;
            into.add(name);
            closure(byName.get(name)?.imports ?? [], into);
          }
          return into;
        };
        const loaded = closure([entry.fileName]);
        // The groups below hold only code of pages loaded later: a module the first
        // screen imports, caught by one of them, would put the whole group on it.
        const grouped = [...loaded].filter((f) =>
          /(^|\/)(shared|follow-up|report|renderDocx)-[^/]*\.js$/.test(f),
        );
        if (grouped.length > 0) {
          throw new Error(
            `chunk groups: the first screen loads ${grouped.join(', ')}; narrow the group's test`,
          );
        }
        // A group chunk that imports another which imports it back runs one of them
        // before its imports are ready (a constant read as undefined as the page opens).
        const groupOf = (f: string) => /(^|\/)(shared|follow-up|report)-[^/]*\.js$/.exec(f)?.[2];
        for (const c of chunks) {
          const from = groupOf(c.fileName);
          if (!from) continue;
          for (const imported of closure(c.imports)) {
            const to = groupOf(imported);
            if (to && to !== from && closure(byName.get(imported)?.imports ?? []).has(c.fileName)) {
              throw new Error(
                `chunk groups: ${from} and ${to} import each other; move the module they share into one of them or into shared`,
              );
            }
          }
        }
        const files = ROUTES.map(([, page]) => {
          const module = `/src/pages/${page}.tsx`;
          const chunk = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(module)));
          if (!chunk) throw new Error(`route preload: no chunk holds ${module}`);
          return [...closure([chunk.fileName])].filter((f) => !loaded.has(f)).map((f) => `/${f}`);
        });
        const script = routePreloadScript(
          ROUTES.map(([path]) => path),
          files,
        );
        // Right after the charset, before any stylesheet: an inline script
        // after a stylesheet would wait until the stylesheet has loaded.
        const charset = /<meta charset="UTF-8" \/>/i;
        if (!charset.test(html)) throw new Error('route preload: index.html has no <meta charset="UTF-8" />');
        return html.replace(charset, (meta) => `${meta}\n    <script>${script}</script>`);
      },
    },
  };
}

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(appVersion), __BUILD_ID__: JSON.stringify(sourceHash()) },
  plugins: [
    preact(),
    routePreload(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest,
      includeAssets: ['favicon.svg', 'robots.txt', 'icons/apple-touch-icon.png'],
      injectManifest: {
        globPatterns: ['**/*.{js,mjs,css,html,svg,woff2,json,txt}'],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    target: 'es2022',
    // Every browser the app targets (es2022) but Safari 16 preloads modules itself; there
    // the polyfill only made the first files load sooner, so the first screen does without it.
    modulePreload: { polyfill: false },
    sourcemap: false,
    rolldownOptions: {
      output: {
        // The follow-up screens (meetings, evidence, quarterly records,
        // dashboard) share much code: one chunk instead of ten small ones
        // makes them open faster offline. Nothing here is on the first screen.
        codeSplitting: {
          groups: [
            {
              name: 'follow-up',
              includeDependenciesRecursively: false,
              test: /src\/(pages\/(Meetings?|Evidence|Quarter|QuarterlyRecord|Dashboard|RecordHistory)Page|pages\/(EvidencePanel|OpenConflictsNote)|pages\/currentQuarter|components\/(AgendaRow|Disclosure|QuarterNav|DueList|WeakFindings|charts\/)|db\/followUp|hooks\/(followUp|useStoredFile)|domain\/(followUpValidation|meetingAgenda|quarterlyReport|dueStatus|responsibleUnits)|media\/)/,
            },
            {
              // The report pages (report, measures document, next year's plan,
              // the comparison) and what only they use. The .docx writer is not
              // here: it is its own chunk (renderDocx + docx), loaded on its button.
              name: 'report',
              includeDependenciesRecursively: false,
              test: /src\/(pages\/(Summary|MeasuresDocument|NextYear|PlanChanges|Document)(Page|View)|pages\/(ReportOptions|reportPhoto|Report\.css)|report\/(renderHtml|reportCss)|domain\/report\/(buildReport|buildMeasuresDocument|measureRow|reportSignatures|reportValidation|docModel|shortText|reportData)|domain\/planChanges|hooks\/report|db\/reportQueries)/,
            },
            {
              // What the other lazy pages share (form parts, commands, validation,
              // ids and stamps): one chunk instead of some twenty files of a few
              // hundred bytes each. Offline, every file is a round trip through the
              // service worker: the follow-up screens render about 10 ms sooner
              // (npm run bench). None of it is on the first screen.
              name: 'shared',
              includeDependenciesRecursively: false,
              test: /src\/(components\/(Field|SaveCancel|FormErrorSummary|ConfirmButton|StatusBadge|StatusButtons|TaskProgress|ChangeList|PlanFields)|hooks\/(useDraft|useToday|commands|planData)|pages\/useSubmit|db\/(conflictQueries|planQueries|commands|writer|importPlan)|domain\/(validation|hlc|types|fieldLabels|quarterlyRecordId|changeLog|importer\/(stableIds|checkExportPlan))|sync\/fileSync)\.tsx?$|node_modules\/(uuid|valibot)\//,
            },
          ],
        },
      },
    },
  },
});
