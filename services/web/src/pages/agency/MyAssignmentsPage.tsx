import { useQuery } from '@tanstack/react-query';
import { Alert, Radio } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAssignments } from '../../api/assignments';
import { useSession } from '../../auth/session-context';
import { AssignmentsTable } from '../../components/AssignmentsTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useAgencyName } from '../../hooks/useRegistry';
import { useTaskTexts } from '../../hooks/useTaskTexts';
import { byUrgency, countByFilter, filterAssignments, type AssignmentFilter } from '../../logic/assignments';

const FILTERS: AssignmentFilter[] = ['open', 'overdue', 'returned', 'awaiting', 'done', 'all'];

/** My agency's assignments, lead and coordinating, what needs doing first at the top. */
export function MyAssignmentsPage() {
  const { t } = useTranslation();
  const { agencyId } = useSession();
  const agencyName = useAgencyName();
  const [filter, setFilter] = useState<AssignmentFilter>('open');
  const lead = useQuery({
    queryKey: ['assignments', { agencyId, role: 'lead' }],
    queryFn: () => fetchAssignments({ agencyId: agencyId ?? undefined, role: 'lead' }),
    enabled: !!agencyId,
  });
  const coordinating = useQuery({
    queryKey: ['assignments', { agencyId, role: 'coordinating' }],
    queryFn: () => fetchAssignments({ agencyId: agencyId ?? undefined, role: 'coordinating' }),
    enabled: !!agencyId,
  });
  const rows = useMemo(
    () => [...(lead.data?.assignments ?? []), ...(coordinating.data?.assignments ?? [])].sort(byUrgency),
    [lead.data, coordinating.data],
  );
  const taskText = useTaskTexts(rows.map((r) => r.directiveId));
  const counts = countByFilter(rows);

  if (!agencyId) return <Alert type="warning" showIcon title={t('myAssignments.noAgency')} />;
  const error = lead.error ?? coordinating.error;
  return (
    <>
      <PageHeader title={t('nav.myAssignments')} />
      <p className="muted">{t('myAssignments.intro', { agency: agencyName(agencyId) })}</p>
      {error ? <QueryError error={error} /> : null}
      <Radio.Group
        optionType="button"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        style={{ marginBottom: 16 }}
        aria-label={t('myAssignments.filter')}
        options={FILTERS.map((f) => ({ value: f, label: `${t(`myAssignments.filters.${f}`)} (${counts[f]})` }))}
        data-testid="assignment-filter"
      />
      <AssignmentsTable
        caption={t('nav.myAssignments')}
        testId="my-assignments"
        rows={filterAssignments(rows, filter)}
        loading={lead.isPending || coordinating.isPending}
        taskText={taskText}
        columns={['directive', 'task', 'role', 'status', 'stage', 'deadline', 'standing', 'lastReported']}
      />
    </>
  );
}
