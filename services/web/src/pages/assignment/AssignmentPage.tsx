import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { fetchState, fetchTimeline } from '../../api/assignments';
import { useSession } from '../../auth/session-context';
import { EventTimeline } from '../../components/EventTimeline';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { DecisionForm } from '../../forms/DecisionForm';
import { useTaskTexts } from '../../hooks/useTaskTexts';
import { awaitingPeriods, mayDecide, mayReopen, mayReportCompletion, openPeriods, reportingMode } from '../../logic/permissions';
import { AssignmentFacts } from './AssignmentFacts';
import { CompletionForm } from './CompletionForm';
import { ProgressForm } from './ProgressForm';
import { ReopenForm } from './ReopenForm';
import { useAfterWrite } from './use-after-write';

/** One assignment: its state and timeline, and the reports and decisions the reader may make on it. */
export function AssignmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession();
  const state = useQuery({ queryKey: ['assignment', id, 'state'], queryFn: () => fetchState(id), retry: false });
  const timeline = useQuery({
    queryKey: ['assignment', id, 'timeline'],
    queryFn: () => fetchTimeline(id),
    retry: false,
    enabled: state.isSuccess,
  });
  const taskText = useTaskTexts(state.data ? [state.data.directiveId] : []);
  const afterDecision = useAfterWrite(id);

  if (state.isPending) return <Loading />;
  if (state.error) {
    return (
      <>
        <PageHeader title={t('assignment.title')} />
        <QueryError error={state.error} forbidden={t('assignment.forbidden')} />
      </>
    );
  }
  const assignment = state.data;
  const mode = reportingMode(session, assignment);
  const forms = [
    ...(mode
      ? [{ key: 'progress', label: t('forms.progressTab'), children: <ProgressForm assignmentId={id} onBehalf={mode === 'onBehalf'} /> }]
      : []),
    ...(mode && mayReportCompletion(assignment)
      ? [
          {
            key: 'completion',
            label: t('forms.completionTab'),
            children: (
              <CompletionForm
                assignmentId={id}
                onBehalf={mode === 'onBehalf'}
                periods={assignment.recurrence ? openPeriods(assignment) : null}
              />
            ),
          },
        ]
      : []),
    ...(mayDecide(session, assignment)
      ? [
          {
            key: 'decision',
            label: t('decision.tab'),
            children: <DecisionForm assignmentId={id} periods={awaitingPeriods(assignment)} onDone={afterDecision} />,
          },
        ]
      : []),
    ...(mayReopen(session, assignment) ? [{ key: 'reopen', label: t('reopen.tab'), children: <ReopenForm assignmentId={id} /> }] : []),
  ];

  return (
    <>
      <PageHeader title={t('assignment.heading', { directive: assignment.directiveNumber, number: assignment.taskNumber })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={forms.length ? 14 : 24}>
          <Card title={<h2 className="card-title">{t('assignment.state')}</h2>}>
            <AssignmentFacts state={assignment} taskText={taskText(assignment.directiveId, assignment.taskNumber)} />
          </Card>
        </Col>
        {forms.length ? (
          <Col xs={24} xl={10}>
            <Card title={<h2 className="card-title">{t('assignment.actions')}</h2>}>
              <Tabs items={forms} />
            </Card>
          </Col>
        ) : null}
        <Col span={24}>
          <Card title={<h2 className="card-title">{t('nav.history')}</h2>}>
            {timeline.error ? <QueryError error={timeline.error} /> : null}
            {timeline.isPending ? <Loading /> : <EventTimeline events={timeline.data?.events ?? []} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
