/**
 * Persistent storage: asked for once at start (a browser may otherwise evict
 * the data, iOS Safari especially), and how much space the data uses.
 */
import { useEffect, useState } from 'preact/hooks';

export interface StorageStatus {
  supported: boolean;
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export async function requestPersistentStorage(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return null;
  }
}

export function useStorageStatus(): StorageStatus | null {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const supported = Boolean(navigator.storage?.estimate);
      const persisted = navigator.storage?.persisted ? await navigator.storage.persisted() : null;
      const estimate = supported ? await navigator.storage.estimate() : {};
      if (!cancelled) {
        setStatus({ supported, persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  return status;
}
