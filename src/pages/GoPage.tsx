import { useEffect } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { quarterOf } from '../domain/fiscalCalendar';
import { usePlans } from '../hooks/data';
import { todayInBangkok } from '../hooks/useToday';

/** Where each shortcut of the installed app leads, for a plan: /go/meeting, /go/tick, /go/report. */
const TARGETS: Record<string, (planId: string) => string> = {
  meeting: (id) => `/plans/${id}/meetings`,
  // The plan's measures: a step is two taps from there.
  tick: (id) => `/plans/${id}`,
  // The report due next: the six-month one until March is over, then the year-end one.
  report: (id) => `/plans/${id}/summary/${quarterOf(todayInBangkok()).quarter <= 2 ? 'half' : 'year'}`,
};

/**
 * The app's shortcuts (manifest) name no plan: this page opens the newest
 * plan's screen (the plans list's first: latest fiscal year), or the plans
 * list when the device has none, replacing itself in the history.
 */
export function GoPage() {
  const { params } = useRoute();
  const { route } = useLocation();
  const plans = usePlans();
  const target = TARGETS[params.target ?? ''];
  const first = plans.status === 'ready' ? plans.value[0] : undefined;
  useEffect(() => {
    if (plans.status !== 'ready') return;
    route(target && first ? target(first.plan.id) : '/', true);
  }, [plans.status, first?.plan.id, target]);
  return (
    <section>
      <h1 tabIndex={-1}>กำลังเปิด…</h1>
    </section>
  );
}
