import { OFFICIAL_STATUSES } from '@dm/contracts/web';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n';
import { STAGE_LOOKS, STATUS_LOOKS, type StatusLook } from '../logic/status';

const CLOSED = ['cancelled', 'superseded', 'revoked'] as const;

/** The grid's codes and colours, with their words. */
export function StatusLegend({ counts }: { counts?: Partial<Record<string, number>> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const item = (key: string, look: StatusLook) => (
    <li key={key}>
      <span className="status-tag" style={{ color: look.text, background: look.background, borderColor: look.border }}>
        {look.code[language]}
      </span>{' '}
      {look.label[language]}
      {counts?.[key] !== undefined ? ` (${counts[key]})` : ''}
    </li>
  );
  return (
    <ul className="legend" aria-label={t('grid.legend')}>
      {OFFICIAL_STATUSES.map((s) => item(s, STATUS_LOOKS[s]))}
      {CLOSED.map((s) => item(s, STAGE_LOOKS[s]))}
      <li>
        <span className="status-tag muted">·</span> {t('grid.noAssignment')}
      </li>
    </ul>
  );
}
