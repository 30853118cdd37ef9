import { List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AnnualReviewAnswer } from '../../api/types';
import { ToneTag } from '../../components/ToneTag';
import { formatDate, formatDateTime } from '../../logic/dates';
import { eventLabel } from '../../logic/timeline';
import { useLanguage } from '../../i18n';

type Flagged = AnnualReviewAnswer['reviews'][number]['flagged'][number];

/** An agency's flagged assignments of the year, each with its flags and its timeline to 31/12. */
export function FlaggedAssignments({ flagged }: { flagged: Flagged[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <List
      size="small"
      dataSource={flagged}
      renderItem={(item) => (
        <List.Item>
          <div style={{ width: '100%' }}>
            <Link to={`/assignments/${item.assignmentId}`}>
              {item.directiveNumber} — {t('assignment.taskNumber', { number: item.taskNumber })}
            </Link>{' '}
            ({t(`roles.assignment.${item.role}`)}){' '}
            {item.flags.map((flag) => (
              <ToneTag key={flag} tone={flag === 'overdue' || flag === 'late' ? 'red' : 'gold'}>
                {t(`review.flags.${flag}`)}
              </ToneTag>
            ))}
            <ol className="review-timeline">
              {item.timeline.map((entry) => (
                <li key={entry.eventId}>
                  {formatDate(entry.on)} — {eventLabel(entry.type)[language]}
                  {entry.reason ? `: ${entry.reason}` : ''}
                  {entry.previousDeadline || entry.deadline
                    ? ` (${formatDate(entry.previousDeadline)} → ${formatDate(entry.deadline)})`
                    : ''}
                  <span className="muted">
                    {' '}
                    · {entry.actor.userId} · {t('timeline.recordedAt')} {formatDateTime(entry.recordedAt)}
                    {entry.recordedLate ? ` · ${t('timeline.recordedLate')}` : ''}
                  </span>
                </li>
              ))}
            </ol>
          </div>
        </List.Item>
      )}
    />
  );
}
