/**
 * Whether to show the iOS "Share → Add to Home Screen" guide: only in Safari
 * on iPhone/iPad, only when not already installed, until dismissed.
 */
import { useState } from 'preact/hooks';

const KEY = 'ios-install-dismissed';

export function isIosSafariNotInstalled(nav: Navigator = navigator, win: Window = window): boolean {
  const ua = nav.userAgent;
  const ios = /iPhone|iPad|iPod/.test(ua) || (ua.includes('Macintosh') && nav.maxTouchPoints > 1);
  const safari = /Safari/.test(ua) && !/CriOS|FxiOS|EdgiOS/.test(ua);
  const standalone =
    (nav as Navigator & { standalone?: boolean }).standalone === true ||
    win.matchMedia?.('(display-mode: standalone)').matches === true;
  return ios && safari && !standalone;
}

export function useIosInstallGuide() {
  const [show, setShow] = useState(() => isIosSafariNotInstalled() && localStorage.getItem(KEY) !== '1');
  return {
    show,
    dismiss: () => {
      localStorage.setItem(KEY, '1');
      setShow(false);
    },
  };
}
