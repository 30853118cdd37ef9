import { useTranslation } from 'react-i18next';
import type { DeadlineStanding } from '../logic/dates';

/** "Còn 5 ngày", "Đến hạn hôm nay", "Quá hạn 4 ngày". */
export function DeadlineStandingText({ standing }: { standing: DeadlineStanding }) {
  const { t } = useTranslation();
  switch (standing.kind) {
    case 'daysLeft':
      return <span>{t('deadline.daysLeft', { count: standing.days })}</span>;
    case 'dueToday':
      return <span className="overdue-text">{t('deadline.dueToday')}</span>;
    case 'overdue':
      return <span className="overdue-text">{t('deadline.overdue', { count: standing.days })}</span>;
    default:
      return <span className="muted">—</span>;
  }
}
