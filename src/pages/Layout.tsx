import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Banner } from '../components/Banner';
import { Toast } from '../components/Toast';
import { usePendingChanges } from '../hooks/data';
import { useDbVersionChange } from '../hooks/useDbBlocked';
import { useIosInstallGuide } from '../hooks/useIosInstall';
import { useOnline } from '../hooks/useOnline';
import { usePwaUpdate } from '../hooks/usePwaUpdate';
import { requestPersistentStorage } from '../hooks/useStorageStatus';
import { closeToast, useToast } from '../hooks/toast';

/** The app shell: header with connection state, banners, the page, the toast. */
export function Layout({ children }: { children: ComponentChildren }) {
  const online = useOnline();
  const pending = usePendingChanges();
  const pwa = usePwaUpdate();
  const dbChanged = useDbVersionChange();
  const ios = useIosInstallGuide();
  const toast = useToast();
  const { url } = useLocation();

  useEffect(() => {
    // After the first screen is up: asking is not urgent, and the first screen is.
    const id = setTimeout(() => {
      void requestPersistentStorage();
      // The upload queue's triggers load after the first screen, in their own chunk.
      void import('../hooks/upload').then((m) => m.startUploads());
    }, 2000);
    return () => clearTimeout(id);
  }, []);

  // Move focus to the new page's heading so screen readers announce it.
  useEffect(() => {
    const h1 = document.querySelector<HTMLElement>('main h1');
    h1?.focus();
  }, [url]);

  return (
    <>
      <a class="skip" href="#main">
        ข้ามไปยังเนื้อหา
      </a>
      <header class="app-header">
        <a href="/" class="app-title" aria-label="ติดตามมาตรการ ITA หน้าแรก">
          <span class="title-long">ติดตามมาตรการ ITA</span>
          <span class="title-short" aria-hidden="true">
            มาตรการ ITA
          </span>
        </a>
        <span class={`net ${online ? 'net-on' : 'net-off'}`} role="status" data-testid="net-status">
          <span aria-hidden="true">{online ? '●' : '○'} </span>
          {online ? 'ออนไลน์' : 'ออฟไลน์'}
        </span>
        {pending.status === 'ready' && pending.value > 0 && (
          <a class="pending" href="/sync" title="การเปลี่ยนแปลงที่รอซิงก์">
            รอส่ง {pending.value}
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
    </>
  );
}
