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
  children,
}: {
  result: LiveResult<T | null>;
  notFound: string;
  children: (value: T) => ComponentChildren;
}) {
  const loading = result.status === 'loading';
  useEffect(() => {
    if (!loading) return;
    // After this task, when the page's query is with IndexedDB: the main thread is free then.
    const id = setTimeout(warmUpThaiDates, 0);
    return () => clearTimeout(id);
  }, [loading]);
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
