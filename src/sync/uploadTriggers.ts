/**
 * When the queue is sent (sync.md): at app start, when the device comes
 * online, when the page becomes visible, when a retry falls due, on the
 * "send now" button, and — only as an extra, where the browser has
 * Background Sync — when the service worker wakes the page.
 */
import type { Uploader } from './uploadQueue';

export function startUploadTriggers(uploader: Uploader): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = async () => {
    clearTimeout(timer);
    const due = await uploader.nextDue();
    if (due === null) return;
    timer = setTimeout(() => void attempt(), Math.max(1_000, due - Date.now()));
  };

  const attempt = async () => {
    if (!navigator.onLine) return;
    await uploader.send().catch(() => undefined);
    await schedule();
  };

  const onVisible = () => {
    if (document.visibilityState === 'visible') void attempt();
  };
  const onMessage = (e: MessageEvent) => {
    if ((e.data as { type?: string } | null)?.type === 'UPLOAD_SYNC') void attempt();
  };

  window.addEventListener('online', attempt);
  document.addEventListener('visibilitychange', onVisible);
  navigator.serviceWorker?.addEventListener('message', onMessage);
  void attempt();

  return () => {
    clearTimeout(timer);
    window.removeEventListener('online', attempt);
    document.removeEventListener('visibilitychange', onVisible);
    navigator.serviceWorker?.removeEventListener('message', onMessage);
  };
}

/** Asks the browser to wake us when a connection returns (Chromium only; an extra, never the only trigger). */
export async function requestBackgroundSync(): Promise<void> {
  try {
    const reg = (await navigator.serviceWorker?.ready) as
      (ServiceWorkerRegistration & { sync?: { register: (tag: string) => Promise<void> } }) | undefined;
    await reg?.sync?.register('upload-exports');
  } catch {
    // Not supported or not allowed: the page's own triggers still send.
  }
}
