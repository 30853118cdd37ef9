import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAssignments } from '../../api/assignments';
import { AssignmentsTable } from '../../components/AssignmentsTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useTaskTexts } from '../../hooks/useTaskTexts';
import { byUrgency } from '../../logic/assignments';

/** Every overdue lead assignment the office follows, the longest overdue first. */
export function OverduePage() {
  const { t } = useTranslation();
  const overdue = useQuery({ queryKey: ['assignments', { status: 'overdue' }], queryFn: () => fetchAssignments({ status: 'overdue' }) });
  const rows = useMemo(() => [...(overdue.data?.assignments ?? [])].sort(byUrgency), [overdue.data]);
  const taskText = useTaskTexts(rows.map((r) => r.directiveId));
  return (
    <>
      <PageHeader title={t('nav.overdue')} />
      {overdue.error ? <QueryError error={overdue.error} /> : null}
      <p className="muted">{t('overdue.intro', { count: rows.length })}</p>
      <AssignmentsTable
        caption={t('nav.overdue')}
        testId="overdue"
        rows={rows}
        loading={overdue.isPending}
        taskText={taskText}
        columns={['agency', 'directive', 'task', 'deadline', 'standing', 'lastReported', 'stage']}
      />
    </>
  );
}
