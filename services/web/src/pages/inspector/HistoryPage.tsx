import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fetchState, fetchTimeline } from '../../api/assignments';
import { fetchTaskTimeline } from '../../api/directives';
import { EventTimeline } from '../../components/EventTimeline';
import { useTaskTexts } from '../../hooks/useTaskTexts';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDate, formatDateTime } from '../../logic/dates';
import { eventsAsOf } from '../../logic/timeline';
import { AssignmentFacts } from '../assignment/AssignmentFacts';
import { HistoryPickers } from './HistoryPickers';
import { useHistoryChoice } from './use-history-choice';

/**
 * An assignment's or a directive task's history: the state as of a business
 * date and as known at a record time, and every event with who, when and why.
 * The timeline routes take knownAt; the business date filters the events here.
 */
export function HistoryPage() {
  const { t } = useTranslation();
  const choice = useHistoryChoice();
  const { assignment, directive, task, asOf, knownAt } = choice.values;
  const known = knownAt ?? undefined;
  const state = useQuery({
    queryKey: ['assignment', assignment, 'state', { asOf, knownAt }],
    queryFn: () => fetchState(assignment!, { asOf: asOf ?? undefined, knownAt: known }),
    enabled: !!assignment,
    retry: false,
  });
  const timeline = useQuery({
    queryKey: ['assignment', assignment, 'timeline', { knownAt }],
    queryFn: () => fetchTimeline(assignment!, { knownAt: known }),
    enabled: !!assignment,
    retry: false,
  });
  const taskTimeline = useQuery({
    queryKey: ['task-timeline', directive, task, { knownAt }],
    queryFn: () => fetchTaskTimeline(directive!, task!, { knownAt: known }),
    enabled: !assignment && !!directive && !!task,
    retry: false,
  });
  const taskText = useTaskTexts(directive ? [directive] : []);
  const events = assignment ? timeline.data?.events : taskTimeline.data?.events;
  const echoedKnownAt = (assignment ? timeline.data?.knownAt : taskTimeline.data?.knownAt) ?? null;
  const error = assignment ? (state.error ?? timeline.error) : taskTimeline.error;
  const pending = assignment ? timeline.isPending : !!task && taskTimeline.isPending;

  return (
    <>
      <PageHeader title={t('nav.history')} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          <HistoryPickers choice={choice} />
          {echoedKnownAt || asOf ? (
            <Alert
              type="info"
              showIcon
              data-testid="history-scope"
              title={[
                asOf ? t('history.scopeAsOf', { date: formatDate(asOf) }) : null,
                echoedKnownAt ? t('history.scopeKnownAt', { time: formatDateTime(echoedKnownAt) }) : null,
              ]
                .filter(Boolean)
                .join(' ')}
            />
          ) : null}
        </Card>
        {!task && !assignment ? <p className="muted">{t('history.choose')}</p> : null}
        {error ? <QueryError error={error} /> : null}
        {assignment && state.data ? (
          <Card
            title={<h2 className="card-title">{t('history.stateTitle')}</h2>}
            extra={<Link to={`/assignments/${assignment}`}>{t('history.openAssignment')}</Link>}
          >
            <AssignmentFacts state={state.data} taskText={taskText(state.data.directiveId, state.data.taskNumber)} />
          </Card>
        ) : null}
        {task || assignment ? (
          <Card
            title={<h2 className="card-title">{assignment ? t('history.assignmentEvents') : t('history.taskEvents', { number: task })}</h2>}
          >
            {pending ? <Loading /> : <EventTimeline events={eventsAsOf(events ?? [], asOf)} />}
          </Card>
        ) : null}
      </Space>
    </>
  );
}
