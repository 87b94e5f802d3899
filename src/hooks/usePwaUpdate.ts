/**
 * The service worker's registration and its update state. A new build waits
 * until the person presses "update"; forms keep their input in drafts
 * (useDraft), so the reload that follows loses nothing.
 */
import { useRegisterSW } from 'virtual:pwa-register/preact';

const CHECK_EVERY_MS = 60 * 60 * 1000;

export function usePwaUpdate() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      // Phones keep the app open for days: look for a new build now and then,
      // and whenever the app comes back to the foreground.
      const check = () => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      };
      setInterval(check, CHECK_EVERY_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    },
  });
  return {
    needRefresh,
    update: () => updateServiceWorker(true),
    dismiss: () => setNeedRefresh(false),
  };
}
