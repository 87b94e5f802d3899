/** Component tests' way to open a page at an address, as the app's router would. */
import { render } from '@testing-library/preact';
import type { AnyComponent } from 'preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { db } from '../../src/db/db';

/** Renders the router at `url` with these routes (path → page); unmatched addresses show nothing. */
export function renderAt(url: string, routes: Record<string, AnyComponent>) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        {Object.entries(routes).map(([path, page]) => (
          <Route key={path} path={path} component={page} />
        ))}
      </Router>
    </LocationProvider>,
  );
}

/** An empty app database and no drafts, before each test. */
export async function emptyApp(): Promise<void> {
  sessionStorage.clear();
  localStorage.clear(); // the screens' snapshots (src/hooks/viewSnapshot.ts)
  await Promise.all(db.tables.map((t) => t.clear()));
}
