import { useQuery } from '@tanstack/react-query';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchState, fetchTimeline } from '../../api/assignments';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { DecisionForm } from '../../forms/DecisionForm';
import { formatDate } from '../../logic/dates';
import { awaitingPeriods } from '../../logic/permissions';
import { attachmentOf, attachmentUrl } from '../../logic/timeline';
import { DownloadLink } from '../../components/DownloadLink';

/** The completion awaiting a decision, as the agency reported it, and the office's decision. */
export function CompletionToDecide({ assignmentId, onDone }: { assignmentId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const timeline = useQuery({ queryKey: ['assignment', assignmentId, 'timeline'], queryFn: () => fetchTimeline(assignmentId) });
  const state = useQuery({ queryKey: ['assignment', assignmentId, 'state'], queryFn: () => fetchState(assignmentId) });
  if (timeline.isPending || state.isPending) return <Loading />;
  if (timeline.error || state.error) return <QueryError error={timeline.error ?? state.error} />;
  const reported = [...timeline.data.events].reverse().find((e) => e.type === 'assignment.completion-reported');
  const attachment = reported ? attachmentOf(reported.data) : null;
  return (
    <>
      {reported ? (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 16 }}
          items={[
            { key: 'completedOn', label: t('forms.completedOn'), children: formatDate(reported.data.completedOn as string) },
            { key: 'summary', label: t('forms.completionSummary'), children: String(reported.data.summary ?? '') },
            { key: 'evidence', label: t('forms.evidence'), children: String(reported.data.evidence ?? '—') },
            ...(attachment
              ? [
                  {
                    key: 'attachment',
                    label: t('timeline.attachment'),
                    children: (
                      <>
                        <DownloadLink href={attachmentUrl(reported.data, attachment.sha256) ?? '#'} fileName={attachment.fileName}>
                          {attachment.fileName}
                        </DownloadLink>
                        <div className="sha256">SHA-256 {attachment.sha256}</div>
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
      ) : null}
      <DecisionForm assignmentId={assignmentId} periods={awaitingPeriods(state.data)} onDone={onDone} />
    </>
  );
}
