/**
 * An object URL for a stored file or its thumbnail, made when the component
 * shows it and revoked when it goes. `missing` when the bytes are not on this
 * device (evidence synced from another phone before its photo arrived).
 */
import { useEffect, useState } from 'preact/hooks';
import { sha256Hex } from '../media/prepareFile';
import { fetchFile } from '../sync/fileSync';
import { db } from '../db/db';
import { fileOf } from './followUp';

export type StoredFileState =
  { status: 'loading' } | { status: 'missing' } | { status: 'ready'; url: string; blob: Blob };

export function useStoredFile(sha256: string | null, thumb: boolean): StoredFileState {
  const [state, setState] = useState<StoredFileState>({ status: 'loading' });
  useEffect(() => {
    if (!sha256) {
      setState({ status: 'missing' });
      return;
    }
    let url: string | null = null;
    let cancelled = false;
    const load = async () => {
      let row = await fileOf(sha256);
      // Attached on another phone: fetch it from the agency's server when we can.
      if (!row && navigator.onLine) {
        if ((await fetchFile(db, fetch, sha256, sha256Hex, new Date())) === 'fetched')
          row = await fileOf(sha256);
      }
      return row;
    };
    void load().then((row) => {
      if (cancelled) return;
      const blob = row ? ((thumb ? row.thumb : null) ?? row.blob) : null;
      if (!blob) {
        setState({ status: 'missing' });
        return;
      }
      url = URL.createObjectURL(blob);
      setState({ status: 'ready', url, blob });
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [sha256, thumb]);
  return state;
}
