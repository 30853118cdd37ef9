import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAssignments } from '../../api/assignments';
import type { AssignmentRow } from '../../api/types';
import { AssignmentsTable } from '../../components/AssignmentsTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useAgencyName } from '../../hooks/useRegistry';
import { useTaskTexts } from '../../hooks/useTaskTexts';
import { CompletionToDecide } from './CompletionToDecide';
import { useToast } from '../../components/Toasts';

/** Completions awaiting the office's confirmation: accept, or return with a reason. */
export function ConfirmationsPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const agencyName = useAgencyName();
  const [deciding, setDeciding] = useState<AssignmentRow | null>(null);
  const awaiting = useQuery({
    queryKey: ['assignments', { lifecycle: 'awaitingConfirmation' }],
    queryFn: () => fetchAssignments({ lifecycle: 'awaitingConfirmation' }),
  });
  const rows = awaiting.data?.assignments ?? [];
  const taskText = useTaskTexts(rows.map((r) => r.directiveId));
  const decided = () => {
    setDeciding(null);
    toast.success(t('forms.saved'));
    void queryClient.invalidateQueries({ queryKey: ['assignments'] });
    void queryClient.invalidateQueries({ queryKey: ['assignment'] });
  };
  return (
    <>
      <PageHeader title={t('nav.confirmations')} />
      {awaiting.error ? <QueryError error={awaiting.error} /> : null}
      <AssignmentsTable
        caption={t('nav.confirmations')}
        testId="confirmations"
        rows={rows}
        loading={awaiting.isPending}
        taskText={taskText}
        columns={['agency', 'directive', 'task', 'deadline', 'status', 'lastReported']}
        actions={(row) => (
          <Button type="primary" size="small" onClick={() => setDeciding(row)} data-testid="decide">
            {t('decision.open')}
          </Button>
        )}
      />
      <Modal
        open={!!deciding}
        onCancel={() => setDeciding(null)}
        footer={null}
        destroyOnHidden
        width={640}
        title={deciding ? t('decision.title', { agency: agencyName(deciding.agencyId), number: deciding.taskNumber }) : undefined}
      >
        {deciding ? <CompletionToDecide assignmentId={deciding.id} onDone={decided} /> : null}
      </Modal>
    </>
  );
}
