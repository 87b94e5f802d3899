import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { warmUpThaiDates } from '../domain/thaiFormat';
import type { LiveResult } from '../hooks/useLiveQuery';

/**
 * Renders a live query's loading, error and not-found states the same way on
 * every page, and the page itself once there is data.
 */
export function PageState<T>({
  result,
  notFound,
  showsDates = true,
  children,
}: {
  result: LiveResult<T | null>;
  notFound: string;
  /**
   * Whether the page shows Thai dates. If so, the date formatters are built
   * while its query is with IndexedDB; a page without dates does not pay for them.
   */
  showsDates?: boolean;
  children: (value: T) => ComponentChildren;
}) {
  const loading = result.status === 'loading';
  useEffect(() => {
    if (!loading || !showsDates) return;
    // After this task, when the page's query is with IndexedDB: the main thread is free then.
    const id = setTimeout(warmUpThaiDates, 0);
    return () => clearTimeout(id);
  }, [loading, showsDates]);
  if (result.status === 'loading') {
    return (
      <p class="loading" role="status">
        กำลังโหลด…
      </p>
    );
  }
  if (result.status === 'error') {
    return (
      <div role="alert">
        <h1 tabIndex={-1}>เปิดข้อมูลไม่ได้</h1>
        <p>เกิดข้อผิดพลาดขณะอ่านข้อมูลในเครื่อง: {result.error.message}</p>
        <p>
          <a href="/">กลับหน้าแรก</a>
        </p>
      </div>
    );
  }
  if (result.value === null) {
    return (
      <div>
        <h1 tabIndex={-1}>ไม่พบข้อมูล</h1>
        <p>{notFound}</p>
        <p>
          <a href="/">กลับหน้าแรก</a>
        </p>
      </div>
    );
  }
  return <>{children(result.value)}</>;
}
