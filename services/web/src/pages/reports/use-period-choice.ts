import { useSearchState } from '../../hooks/useSearchState';
import { todayInVietnam } from '../../logic/dates';
import { currentQuarter } from '../../logic/periods';

/** The period, calendar and directive a report is asked for, kept in the address. */
export function usePeriodChoice() {
  const [values, set] = useSearchState(['period', 'calendar', 'directive'] as const);
  const period = values.period ?? currentQuarter(todayInVietnam());
  const calendar = values.calendar === 'calendar' ? ('calendar' as const) : ('decree09' as const);
  return {
    period,
    calendar,
    directiveId: values.directive ?? undefined,
    query: { period, calendar, ...(values.directive ? { directiveId: values.directive } : {}) },
    set,
  };
}
