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
const NotFoundPage = lazy(() => import('./pages/NotFoundPage').then((m) => m.NotFoundPage));

export function App() {
  return (
    <LocationProvider>
      <Layout>
        <ErrorBoundary>
          <Router>
            <Route path="/" component={PlansPage} />
            <Route path="/plans/new" component={PlanFormPage} />
            <Route path="/plans/:planId" component={PlanPage} />
            <Route path="/plans/:planId/edit" component={PlanFormPage} />
            <Route path="/plans/:planId/measures/new" component={MeasureFormPage} />
            <Route path="/measures/:measureId" component={MeasurePage} />
            <Route path="/measures/:measureId/edit" component={MeasureFormPage} />
            <Route path="/measures/:measureId/actions/new" component={ActionFormPage} />
            <Route path="/actions/:actionId/edit" component={ActionFormPage} />
            <Route path="/actions/:actionId/history" component={ActionHistoryPage} />
            <Route path="/settings" component={SettingsPage} />
            <Route default component={NotFoundPage} />
          </Router>
        </ErrorBoundary>
      </Layout>
    </LocationProvider>
  );
}
