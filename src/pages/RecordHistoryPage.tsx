import { useRoute } from 'preact-iso';
import { ChangeList } from '../components/ChangeList';
import { useDeviceNames, useDigits } from '../hooks/data';
import { useRecordHistory } from '../hooks/planData';
import { PageState } from './PageState';

const TITLES = { meetings: 'ประวัติการประชุม', quarterlyRecords: 'ประวัติบันทึกรายไตรมาส' } as const;

/** Who changed a meeting or a quarterly record, what and when, on which device. */
export function RecordHistoryPage() {
  const { params } = useRoute();
  const table = params.table === 'meetings' ? 'meetings' : 'quarterlyRecords';
  const history = useRecordHistory(table, params.id ?? '');
  const digits = useDigits();
  const names = useDeviceNames();
  return (
    <PageState result={history} notFound="ไม่พบรายการนี้">
      {({ changes, planId }) => (
        <section>
          <nav class="crumbs" aria-label="ตำแหน่ง">
            <a href={`/plans/${planId}`}>กลับไปที่แผน</a>
          </nav>
          <h1 tabIndex={-1}>{TITLES[table]}</h1>
          <ChangeList changes={changes} digits={digits} deviceNames={names} />
        </section>
      )}
    </PageState>
  );
}
