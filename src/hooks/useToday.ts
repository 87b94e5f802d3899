import { bangkokDate } from '../domain/fiscalCalendar';

/** Today in Bangkok, whatever the device's zone. */
export function todayInBangkok(): string {
  return bangkokDate(new Date());
}
