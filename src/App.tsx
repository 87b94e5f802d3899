import { ErrorBoundary, lazy, LocationProvider, Route, Router } from 'preact-iso';
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
const NotFoundPage = lazy(() => import('./pages/NotFoundPage').then((m) => m.NotFoundPage));

export function App() {
  return (
    <LocationProvider>
      <Layout>
        <ErrorBoundary>
          <Router>
            <Route path="/" component={PlansPage} />
            <Route path="/plans/new" component={PlanFormPage} />
            <Route path="/import" component={ImportPage} />
            <Route path="/plans/:planId" component={PlanPage} />
            <Route path="/plans/:planId/edit" component={PlanFormPage} />
            <Route path="/plans/:planId/measures/new" component={MeasureFormPage} />
            <Route path="/measures/:measureId" component={MeasurePage} />
            <Route path="/measures/:measureId/edit" component={MeasureFormPage} />
            <Route path="/measures/:measureId/actions/new" component={ActionFormPage} />
            <Route path="/actions/:actionId/edit" component={ActionFormPage} />
            <Route path="/actions/:actionId/history" component={ActionHistoryPage} />
            <Route path="/plans/:planId/meetings" component={MeetingsPage} />
            <Route path="/meetings/:meetingId" component={MeetingPage} />
            <Route path="/plans/:planId/quarters" component={QuarterPage} />
            <Route path="/plans/:planId/quarters/:quarter" component={QuarterPage} />
            <Route
              path="/plans/:planId/quarters/:quarter/measures/:measureId"
              component={QuarterlyRecordPage}
            />
            <Route path="/plans/:planId/summary/:period" component={SummaryPage} />
            <Route path="/plans/:planId/dashboard" component={DashboardPage} />
            <Route path="/history/:table/:id" component={RecordHistoryPage} />
            <Route path="/export" component={ExportPage} />
            <Route path="/import-file" component={ImportFilePage} />
            <Route path="/enrol" component={EnrolPage} />
            <Route path="/settings" component={SettingsPage} />
            <Route default component={NotFoundPage} />
          </Router>
        </ErrorBoundary>
      </Layout>
    </LocationProvider>
  );
}
