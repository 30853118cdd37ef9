import { Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAgencyName } from '../hooks/useRegistry';
import { DownloadLink } from './DownloadLink';
import { ToneTag } from './ToneTag';
import { useLanguage } from '../i18n';
import { formatBytes } from '../logic/attachment';
import { formatDate, formatDateTime } from '../logic/dates';
import {
  attachmentOf,
  attachmentUrl,
  businessDate,
  deadlineChangeOf,
  eventLabel,
  incomingDocumentOf,
  percentOf,
  textsOf,
  type TimelineEvent,
} from '../logic/timeline';

const DOT_COLOURS: Record<string, string> = {
  'assignment.completion-confirmed': 'green',
  'assignment.completion-returned': 'red',
  'assignment.completion-reopened': 'red',
  'directive.task-cancelled': 'gray',
  'directive.revoked': 'gray',
  'directive.superseded': 'gray',
  'reporting.reminder-issued': 'orange',
  'directive.task-deadline-changed': 'orange',
};

/** Who did it: the user, in which role, for which agency. */
function Actor({ actor }: { actor: TimelineEvent['actor'] }) {
  const { t } = useTranslation();
  const agencyName = useAgencyName();
  return (
    <>
      {actor.userId} ({t(`roles.user.${actor.role}`, { defaultValue: actor.role })}
      {actor.agencyId ? `, ${agencyName(actor.agencyId)}` : ''})
    </>
  );
}

function EventDetails({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const agencyName = useAgencyName();
  const change = deadlineChangeOf(event.data);
  const document = incomingDocumentOf(event.data);
  const attachment = attachmentOf(event.data);
  const fileUrl = attachment ? attachmentUrl(event.data, attachment.sha256) : null;
  const percent = percentOf(event.data);
  return (
    <dl className="event-details">
      {event.agencyId ? <Detail label={t('assignment.agency')}>{agencyName(event.agencyId)}</Detail> : null}
      <Detail label={t('timeline.actor')}>
        <Actor actor={event.actor} />
      </Detail>
      <Detail label={t('timeline.recordedAt')}>{formatDateTime(event.recordedAt)}</Detail>
      {percent !== null ? <Detail label={t('timeline.percent')}>{percent}%</Detail> : null}
      {change ? (
        <Detail label={t('timeline.deadlineChange')}>
          {formatDate(change.from)} → {formatDate(change.to)}
        </Detail>
      ) : null}
      {textsOf(event).map(([field, text]) => (
        <Detail key={field} label={t(`timeline.fields.${field}`)}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>
        </Detail>
      ))}
      {document ? (
        <Detail label={t('timeline.incomingDocument')}>
          {document.number}, {formatDate(document.date)}
        </Detail>
      ) : null}
      {attachment ? (
        <Detail label={t('timeline.attachment')}>
          {fileUrl ? (
            <DownloadLink href={fileUrl} fileName={attachment.fileName} testId="attachment-download">
              {attachment.fileName}
            </DownloadLink>
          ) : (
            attachment.fileName
          )}
          {attachment.size !== null ? ` (${formatBytes(attachment.size, language)})` : ''}
          <div>
            SHA-256:{' '}
            <span className="sha256" data-testid="attachment-sha256">
              {attachment.sha256}
            </span>
          </div>
        </Detail>
      ) : null}
    </dl>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="event-detail">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** An assignment's or a task's events, oldest first, each with who, when, why, and what it carried. */
export function EventTimeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const agencyName = useAgencyName();
  if (!events.length) return <p className="muted">{t('timeline.empty')}</p>;
  return (
    <Timeline
      titleSpan="110px"
      data-testid="timeline"
      items={events.map((event) => ({
        key: event.eventId,
        color: DOT_COLOURS[event.type] ?? 'blue',
        title: formatDate(businessDate(event)),
        content: (
          <div data-testid="timeline-event" data-type={event.type}>
            <strong>{eventLabel(event.type)[language]}</strong>{' '}
            {event.recordedLate ? <ToneTag tone="gold">{t('timeline.recordedLate')}</ToneTag> : null}{' '}
            {event.onBehalfOf ? <ToneTag tone="grey">{t('timeline.onBehalfOf', { agency: agencyName(event.onBehalfOf) })}</ToneTag> : null}
            <EventDetails event={event} />
          </div>
        ),
      }))}
    />
  );
}
