import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fetchReminders } from '../../api/reminders';
import type { RemindersAnswer } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useAgencyName } from '../../hooks/useRegistry';
import { formatDate } from '../../logic/dates';

type Reminder = RemindersAnswer['reminders'][number];

/** The reminders (đôn đốc) my agency got, newest first, and whether they reached us. */
export function RemindersPage() {
  const { t } = useTranslation();
  const agencyName = useAgencyName();
  const reminders = useQuery({ queryKey: ['reminders'], queryFn: () => fetchReminders() });
  return (
    <>
      <PageHeader title={t('nav.reminders')} />
      {reminders.error ? <QueryError error={reminders.error} /> : null}
      <Table<Reminder>
        rowKey="reminderId"
        loading={reminders.isPending}
        dataSource={reminders.data?.reminders ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        caption={<span className="visually-hidden">{t('nav.reminders')}</span>}
        data-testid="reminders"
        columns={[
          { key: 'foundOn', title: t('reminders.foundOn'), render: (_, r) => formatDate(r.foundOn) },
          { key: 'kind', title: t('reminders.kind'), render: (_, r) => t(`reminders.kinds.${r.kind}`) },
          { key: 'agency', title: t('assignment.agency'), render: (_, r) => agencyName(r.agencyId) },
          {
            key: 'text',
            title: t('reminders.text'),
            render: (_, r) => (
              <>
                <strong>{r.subject}</strong>
                <div>{r.text}</div>
              </>
            ),
          },
          {
            key: 'about',
            title: t('reminders.about'),
            render: (_, r) =>
              r.assignmentId ? (
                <Link to={`/assignments/${r.assignmentId}`}>
                  {r.directiveNumber} — {t('assignment.taskNumber', { number: r.taskNumber })}
                </Link>
              ) : (
                (r.directiveNumber ?? '—')
              ),
          },
          {
            key: 'deliveries',
            title: t('reminders.deliveries'),
            render: (_, r) =>
              r.deliveries.length
                ? r.deliveries.map((d) => (
                    <Tag key={`${d.channel}-${d.attempts}`}>
                      {d.channel}: {d.ok ? t('reminders.delivered') : t('reminders.notDelivered')}
                    </Tag>
                  ))
                : t('reminders.notSent'),
          },
        ]}
      />
    </>
  );
}
