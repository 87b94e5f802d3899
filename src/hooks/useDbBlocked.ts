/**
 * Another tab opened a newer version of the database. Dexie closes this
 * connection so the upgrade can go on; every write already committed is safe
 * and unsaved form input lives in drafts, so we only ask for a reload.
 */
import { useEffect, useState } from 'preact/hooks';
import { db } from '../db/db';

export function useDbVersionChange(): boolean {
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    const onVersionChange = () => {
      db.close();
      setChanged(true);
      return false;
    };
    db.on('versionchange', onVersionChange);
    return () => db.on('versionchange').unsubscribe(onVersionChange);
  }, []);
  return changed;
}
