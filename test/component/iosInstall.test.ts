import { describe, expect, it } from 'vitest';
import { isIosSafariNotInstalled } from '../../src/hooks/useIosInstall';

const nav = (userAgent: string, extra: Partial<Navigator & { standalone: boolean }> = {}) =>
  ({ userAgent, maxTouchPoints: 5, ...extra }) as unknown as Navigator;
const win = (standalone: boolean) => ({ matchMedia: () => ({ matches: standalone }) }) as unknown as Window;

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPHONE_CHROME =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1';
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const IPAD_DESKTOP_UA =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

describe('the iOS install guide', () => {
  it('shows in Safari on an iPhone that has not installed the app', () => {
    expect(isIosSafariNotInstalled(nav(IPHONE_SAFARI), win(false))).toBe(true);
  });
  it('shows on an iPad that reports a desktop user agent', () => {
    expect(isIosSafariNotInstalled(nav(IPAD_DESKTOP_UA), win(false))).toBe(true);
  });
  it('hides once the app runs from the home screen', () => {
    expect(isIosSafariNotInstalled(nav(IPHONE_SAFARI, { standalone: true }), win(false))).toBe(false);
    expect(isIosSafariNotInstalled(nav(IPHONE_SAFARI), win(true))).toBe(false);
  });
  it('hides in other browsers, where Safari’s steps do not apply', () => {
    expect(isIosSafariNotInstalled(nav(IPHONE_CHROME), win(false))).toBe(false);
    expect(isIosSafariNotInstalled(nav(ANDROID_CHROME), win(false))).toBe(false);
    expect(isIosSafariNotInstalled(nav(IPAD_DESKTOP_UA, { maxTouchPoints: 0 }), win(false))).toBe(false);
  });
});
