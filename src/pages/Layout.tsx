import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Banner } from '../components/Banner';
import { Toast } from '../components/Toast';
import { useAnnouncement } from '../hooks/announce';
import { useDigits, useSyncBadge } from '../hooks/data';
import { useDbVersionChange } from '../hooks/useDbBlocked';
import { useIosInstallGuide } from '../hooks/useIosInstall';
import { useOnline } from '../hooks/useOnline';
import { usePwaUpdate } from '../hooks/usePwaUpdate';
import { requestPersistentStorage } from '../hooks/useStorageStatus';
import { closeToast, closeToastElsewhere, useToast } from '../hooks/toast';
import { formatNumber } from '../domain/thaiFormat';

const APP_NAME = 'ติดตามมาตรการ ITA';

/** The app shell: header with connection state, banners, the page, the toast. */
export function Layout({ children }: { children: ComponentChildren }) {
  const online = useOnline();
  const sync = useSyncBadge();
  const digits = useDigits();
  const announcement = useAnnouncement();
  const pwa = usePwaUpdate();
  const dbChanged = useDbVersionChange();
  const ios = useIosInstallGuide();
  const toast = useToast();
  const { url, path } = useLocation();
  const enrolled = sync.status === 'ready' && sync.value !== null;

  useEffect(() => {
    // After the first screen is up: asking is not urgent, and the first screen is.
    const id = setTimeout(() => void requestPersistentStorage(), 2000);
    return () => clearTimeout(id);
  }, []);

  useEffect(() => {
    // Sync and the upload queue load after the first screen, in their own chunk, and only
    // on a device with an agency server: without one there is nothing to send.
    if (!enrolled) return;
    const id = setTimeout(() => void import('../hooks/upload').then((m) => m.startUploads()), 2000);
    return () => clearTimeout(id);
  }, [enrolled]);

  // Move focus to the new page's heading so screen readers announce it.
  useEffect(() => {
    const h1 = document.querySelector<HTMLElement>('main h1');
    h1?.focus();
  }, [url]);

  useEffect(() => closeToastElsewhere(path), [path]);

  // Each page's title is its heading, which pages render when their data is read.
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    const update = () => {
      const h1 = main.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
      const title = h1 && h1 !== APP_NAME ? `${h1} · ${APP_NAME}` : APP_NAME;
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);

  return (
    <>
      <a class="skip" href="#main">
        ข้ามไปยังเนื้อหา
      </a>
      <header class="app-header">
        <a href="/" class="app-title" aria-label={`${APP_NAME} หน้าแรก`}>
          <span class="title-long">ติดตามมาตรการ ITA</span>
          <span class="title-short" aria-hidden="true">
            มาตรการ ITA
          </span>
        </a>
        <span class={`net ${online ? 'net-on' : 'net-off'}`} role="status" data-testid="net-status">
          <span aria-hidden="true">{online ? '●' : '○'} </span>
          {online ? 'ออนไลน์' : 'ออฟไลน์'}
        </span>
        {sync.status === 'ready' && sync.value && (
          <a class="pending" href="/sync" data-testid="sync-badge">
            {sync.value.waiting > 0
              ? `ยังไม่ได้ส่ง ${formatNumber(sync.value.waiting, { digits })} รายการ`
              : 'ส่งครบแล้ว'}
            <span class="sr-only"> ไปยังหน้าซิงก์ข้อมูล</span>
          </a>
        )}
        <a href="/settings" class="btn-icon" aria-label="ตั้งค่าอุปกรณ์">
          ⚙
        </a>
      </header>
      {pwa.needRefresh && (
        <Banner role="alert">
          <span>มีเวอร์ชันใหม่ของแอป ข้อมูลและสิ่งที่พิมพ์ค้างไว้จะยังอยู่หลังอัปเดต</span>
          <span class="buttons">
            <button type="button" class="btn btn-primary" onClick={() => void pwa.update()}>
              อัปเดตตอนนี้
            </button>
            <button type="button" class="btn" onClick={pwa.dismiss}>
              ภายหลัง
            </button>
          </span>
        </Banner>
      )}
      {dbChanged && (
        <Banner tone="warn" role="alert">
          <span>แอปถูกอัปเดตในอีกแท็บหนึ่ง ข้อมูลที่บันทึกแล้วปลอดภัย กรุณาโหลดหน้านี้ใหม่</span>
          <button type="button" class="btn btn-primary" onClick={() => location.reload()}>
            โหลดใหม่
          </button>
        </Banner>
      )}
      {ios.show && (
        <Banner>
          <span>
            ติดตั้งแอปบน iPhone/iPad: แตะปุ่ม <strong>แชร์</strong> (สี่เหลี่ยมมีลูกศรชี้ขึ้น) แล้วเลือก{' '}
            <strong>เพิ่มไปยังหน้าจอโฮม</strong> เพื่อเปิดใช้ได้แม้ไม่มีสัญญาณ
          </span>
          <button type="button" class="btn" onClick={ios.dismiss}>
            รับทราบ
          </button>
        </Banner>
      )}
      <main id="main">{children}</main>
      {/* Both live regions are in the page from the start, empty: a message put into a
          region made with it is not announced by many screen readers. */}
      <div class="toast-region" role="status" aria-live="polite">
        {toast && (
          <Toast
            key={toast.id}
            message={toast.message}
            actionLabel={toast.actionLabel}
            onAction={
              toast.onAction &&
              (() => {
                toast.onAction?.();
                closeToast();
              })
            }
            onClose={closeToast}
          />
        )}
      </div>
      <div class="sr-only" role="status" aria-live="polite" data-testid="announcer">
        {announcement}
      </div>
    </>
  );
}
