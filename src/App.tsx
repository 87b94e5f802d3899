import type { AnyComponent } from 'preact';
import { ErrorBoundary, lazy, LocationProvider, Route, Router } from 'preact-iso';
import { exec } from 'preact-iso/router';
import { Layout } from './pages/Layout';
import { PlansPage } from './pages/PlansPage';

// The first screen loads eagerly; every other page is split out and loaded
// on demand (precached by the service worker, so it opens offline too).
const PlanFormPage = lazy(() => import('./pages/PlanFormPage').then((m) => m.PlanFormPage));
const PlanPage = lazy(() => import('./pages/PlanPage').then((m) => m.PlanPage));
const MeasureFormPage = lazy(() => import('./pages/MeasureFormPage').then((m) => m.MeasureFormPage));
const MeasurePage = lazy(() => import('./pages/MeasurePage').then((m) => m.MeasurePage));
const ActionFormPage = lazy(() => import('./pages/ActionFormPage').then((m) => m.ActionFormPage));
const ActionHistoryPage = lazy(() => import('./pages/ActionHistoryPage').then((m) => m.ActionHistoryPage));
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((m) => m.SettingsPage));
const ImportPage = lazy(() => import('./pages/ImportPage').then((m) => m.ImportPage));
const MeetingsPage = lazy(() => import('./pages/MeetingsPage').then((m) => m.MeetingsPage));
const MeetingPage = lazy(() => import('./pages/MeetingPage').then((m) => m.MeetingPage));
const QuarterPage = lazy(() => import('./pages/QuarterPage').then((m) => m.QuarterPage));
const QuarterlyRecordPage = lazy(() =>
  import('./pages/QuarterlyRecordPage').then((m) => m.QuarterlyRecordPage),
);
const SummaryPage = lazy(() => import('./pages/SummaryPage').then((m) => m.SummaryPage));
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => m.DashboardPage));
const RecordHistoryPage = lazy(() => import('./pages/RecordHistoryPage').then((m) => m.RecordHistoryPage));
const ExportPage = lazy(() => import('./pages/ExportPage').then((m) => m.ExportPage));
const ImportFilePage = lazy(() => import('./pages/ImportFilePage').then((m) => m.ImportFilePage));
const EnrolPage = lazy(() => import('./pages/EnrolPage').then((m) => m.EnrolPage));
const SyncPage = lazy(() => import('./pages/SyncPage').then((m) => m.SyncPage));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage').then((m) => m.NotFoundPage));

/** Every route, in match order. */
const ROUTES: [string, AnyComponent][] = [
  ['/', PlansPage],
  ['/plans/new', PlanFormPage],
  ['/import', ImportPage],
  ['/plans/:planId', PlanPage],
  ['/plans/:planId/edit', PlanFormPage],
  ['/plans/:planId/measures/new', MeasureFormPage],
  ['/measures/:measureId', MeasurePage],
  ['/measures/:measureId/edit', MeasureFormPage],
  ['/measures/:measureId/actions/new', ActionFormPage],
  ['/actions/:actionId/edit', ActionFormPage],
  ['/actions/:actionId/history', ActionHistoryPage],
  ['/plans/:planId/meetings', MeetingsPage],
  ['/meetings/:meetingId', MeetingPage],
  ['/plans/:planId/quarters', QuarterPage],
  ['/plans/:planId/quarters/:quarter', QuarterPage],
  ['/plans/:planId/quarters/:quarter/measures/:measureId', QuarterlyRecordPage],
  ['/plans/:planId/summary/:period', SummaryPage],
  ['/plans/:planId/dashboard', DashboardPage],
  ['/history/:table/:id', RecordHistoryPage],
  ['/export', ExportPage],
  ['/import-file', ImportFilePage],
  ['/enrol', EnrolPage],
  ['/sync', SyncPage],
  ['/settings', SettingsPage],
];

// Start loading the page the app opens on while the shell starts, rather than
// after the first render: a deep link (or a reload) shows its page sooner.
const opening = ROUTES.find(([path]) => exec(location.pathname, path));
const openingPage = opening?.[1] as { preload?: () => Promise<unknown> } | undefined;
void openingPage?.preload?.();

export function App() {
  return (
    <LocationProvider>
      <Layout>
        <ErrorBoundary>
          <Router>
            {ROUTES.map(([path, component]) => (
              <Route key={path} path={path} component={component} />
            ))}
            <Route default component={NotFoundPage} />
          </Router>
        </ErrorBoundary>
      </Layout>
    </LocationProvider>
  );
}
