/**
 * The floor page for `npm run bench`: the least a Preact + Dexie + workbox-window
 * PWA loads at start (stack.md "Measured floor"), plus preact-iso and valibot
 * as the app uses them. @preact/signals is not a dependency here, so it is left out.
 */
/// <reference types="vite-plugin-pwa/client" />
import { Dexie, liveQuery, type EntityTable } from 'dexie';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Route, Router } from 'preact-iso';
import * as v from 'valibot';
import { registerSW } from 'virtual:pwa-register';

interface Row {
  id: number;
  title: string;
}

const db = new Dexie('floor') as Dexie & { rows: EntityTable<Row, 'id'> };
db.version(1).stores({ rows: '++id' });

const NewRow = v.object({ title: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)) });

function useLiveQuery<T>(query: () => Promise<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: console.error });
    return () => subscription.unsubscribe();
  }, []);
  return value;
}

function ListPage() {
  const rows = useLiveQuery(() => db.rows.toArray());
  if (!rows) return null;
  const add = () => void db.rows.add(v.parse(NewRow, { title: `แถวที่ ${rows.length + 1}` }) as Row);
  return (
    <main>
      <h1>รายการ</h1>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>{row.title}</li>
        ))}
      </ul>
      <button type="button" onClick={add}>
        เพิ่ม
      </button>
    </main>
  );
}

function App() {
  return (
    <LocationProvider>
      <Router>
        <Route path="/" component={ListPage} />
        <Route default component={ListPage} />
      </Router>
    </LocationProvider>
  );
}

render(<App />, document.getElementById('app')!);
registerSW({ immediate: true });
