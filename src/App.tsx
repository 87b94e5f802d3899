import type { AnyComponent } from 'preact';
import { ErrorBoundary, lazy, LocationProvider, Route, Router } from 'preact-iso';
import { Layout } from './pages/Layout';
import { PlansPage } from './pages/PlansPage';
import { firstMatch, ROUTES, type PageName } from './routes';

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
const MeasuresDocumentPage = lazy(() =>
  import('./pages/MeasuresDocumentPage').then((m) => m.MeasuresDocumentPage),
);
const NextYearPage = lazy(() => import('./pages/NextYearPage').then((m) => m.NextYearPage));
const PlanChangesPage = lazy(() => import('./pages/PlanChangesPage').then((m) => m.PlanChangesPage));
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => m.DashboardPage));
const RecordHistoryPage = lazy(() => import('./pages/RecordHistoryPage').then((m) => m.RecordHistoryPage));
const ExportPage = lazy(() => import('./pages/ExportPage').then((m) => m.ExportPage));
const ImportFilePage = lazy(() => import('./pages/ImportFilePage').then((m) => m.ImportFilePage));
const EnrolPage = lazy(() => import('./pages/EnrolPage').then((m) => m.EnrolPage));
const SyncPage = lazy(() => import('./pages/SyncPage').then((m) => m.SyncPage));
const GoPage = lazy(() => import('./pages/GoPage').then((m) => m.GoPage));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage').then((m) => m.NotFoundPage));

/** Every page by name (src/routes.ts says which path opens which). */
const PAGES: Record<PageName, AnyComponent> = {
  PlansPage,
  PlanFormPage,
  ImportPage,
  PlanPage,
  MeasureFormPage,
  MeasurePage,
  ActionFormPage,
  ActionHistoryPage,
  MeetingsPage,
  MeetingPage,
  QuarterPage,
  QuarterlyRecordPage,
  SummaryPage,
  MeasuresDocumentPage,
  NextYearPage,
  PlanChangesPage,
  DashboardPage,
  RecordHistoryPage,
  ExportPage,
  ImportFilePage,
  EnrolPage,
  SyncPage,
  SettingsPage,
  GoPage,
  NotFoundPage,
};

// Start loading the page the app opens on while the shell starts, rather than
// after the first render (index.html has already asked for its files).
const opening = firstMatch(
  location.pathname,
  ROUTES.map(([path]) => path),
);
const openingPage = PAGES[ROUTES[opening]?.[1] ?? 'NotFoundPage'] as { preload?: () => Promise<unknown> };
/** Settles when the opening page's code has loaded, or failed to load (the router then shows why). */
export const openingPageLoaded: Promise<unknown> =
  openingPage.preload?.().catch(() => undefined) ?? Promise.resolve();

export function App() {
  return (
    <LocationProvider>
      <Layout>
        <ErrorBoundary>
          <Router>
            {ROUTES.map(([path, page]) => (
              <Route key={path} path={path} component={PAGES[page]} />
            ))}
            <Route default component={PAGES.NotFoundPage} />
          </Router>
        </ErrorBoundary>
      </Layout>
    </LocationProvider>
  );
}
