import { useRoute } from 'preact-iso';
import { ChangeList } from '../components/ChangeList';
import { useDeviceNames, useDigits } from '../hooks/data';
import { useActionHistory } from '../hooks/planData';
import { PageState } from './PageState';

/** What happened to one action, from the change log; undone ticks stay listed. */
export function ActionHistoryPage() {
  const { params } = useRoute();
  const history = useActionHistory(params.actionId ?? '');
  const digits = useDigits();
  const names = useDeviceNames();
  return (
    <PageState result={history} notFound="ไม่พบรายการนี้">
      {({ plan, measure, action, changes }) => (
        <section>
          <nav class="crumbs" aria-label="ตำแหน่ง">
            <a href={`/plans/${plan.id}`}>{plan.agency.name}</a> ›{' '}
            <a href={`/measures/${measure.id}`}>มาตรการที่ {measure.number}</a>
          </nav>
          <h1 tabIndex={-1}>ประวัติ {action.number}</h1>
          <p>{action.text}</p>
          <ChangeList changes={changes} digits={digits} deviceNames={names} />
        </section>
      )}
    </PageState>
  );
}
