/**
 * The app's routes as plain data: path pattern → page module (src/pages/<name>.tsx).
 * App.tsx renders them; the build (vite.config.ts) reads them to let
 * index.html start fetching a deep link's page code at once (see
 * `routePreloadScript`). Kept free of imports so both can use it.
 */
export const ROUTES = [
  ['/', 'PlansPage'],
  ['/plans/new', 'PlanFormPage'],
  ['/import', 'ImportPage'],
  ['/plans/:planId', 'PlanPage'],
  ['/plans/:planId/edit', 'PlanFormPage'],
  ['/plans/:planId/measures/new', 'MeasureFormPage'],
  ['/measures/:measureId', 'MeasurePage'],
  ['/measures/:measureId/edit', 'MeasureFormPage'],
  ['/measures/:measureId/actions/new', 'ActionFormPage'],
  ['/actions/:actionId/edit', 'ActionFormPage'],
  ['/actions/:actionId/history', 'ActionHistoryPage'],
  ['/plans/:planId/meetings', 'MeetingsPage'],
  ['/meetings/:meetingId', 'MeetingPage'],
  ['/plans/:planId/quarters', 'QuarterPage'],
  ['/plans/:planId/quarters/:quarter', 'QuarterPage'],
  ['/plans/:planId/quarters/:quarter/measures/:measureId', 'QuarterlyRecordPage'],
  ['/plans/:planId/summary/:period', 'SummaryPage'],
  ['/plans/:planId/measures-document', 'MeasuresDocumentPage'],
  ['/plans/:planId/next-year', 'NextYearPage'],
  ['/plans/:planId/changes', 'PlanChangesPage'],
  ['/plans/:planId/dashboard', 'DashboardPage'],
  ['/history/:table/:id', 'RecordHistoryPage'],
  ['/export', 'ExportPage'],
  ['/import-file', 'ImportFilePage'],
  ['/enrol', 'EnrolPage'],
  ['/sync', 'SyncPage'],
  ['/settings', 'SettingsPage'],
  ['/go/:target', 'GoPage'],
] as const;

export type PageName = (typeof ROUTES)[number][1] | 'NotFoundPage';

/**
 * The first route whose pattern matches `path` (segments equal, `:name`
 * matches any one segment), as preact-iso's router decides for these
 * patterns (no optional or rest segments are used). Self-contained: the
 * build inlines its source into index.html.
 */
export function firstMatch(path: string, patterns: readonly string[]): number {
  const segments = path.split('/').filter(Boolean);
  for (let i = 0; i < patterns.length; i++) {
    const route = patterns[i]!.split('/').filter(Boolean);
    if (route.length !== segments.length) continue;
    let ok = true;
    for (let k = 0; k < route.length && ok; k++) {
      ok = route[k]!.startsWith(':') || route[k] === segments[k];
    }
    if (ok) return i;
  }
  return -1;
}

/**
 * A classic inline script for index.html: finds the route of the address
 * opened and adds `<link rel="modulepreload">` for its page's code, so those
 * files load while the main bundle runs rather than after it (a deep link or
 * a reload opens sooner). `files[i]` are the URLs for `patterns[i]`.
 */
export function routePreloadScript(
  patterns: readonly string[],
  files: readonly (readonly string[])[],
): string {
  // Each file once, routes by index: the lists overlap much.
  const unique = [...new Set(files.flat())];
  const indexes = files.map((list) => list.map((f) => unique.indexOf(f)));
  return (
    `(function(){var f=${firstMatch.toString()};` +
    `var i=f(location.pathname,${JSON.stringify(patterns)});` +
    `var a=${JSON.stringify(unique)},u=${JSON.stringify(indexes)}[i]||[];` +
    `for(var k=0;k<u.length;k++){var l=document.createElement('link');` +
    `l.rel='modulepreload';l.crossOrigin='';l.href=a[u[k]];document.head.appendChild(l);}})();`
  );
}
