import { Descriptions, Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { StateAnswer } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { DeadlineStandingText } from '../../components/DeadlineStandingText';
import { StageTag, StatusTag } from '../../components/StatusTag';
import { ToneTag } from '../../components/ToneTag';
import { useAgencyName } from '../../hooks/useRegistry';
import { useLanguage } from '../../i18n';
import { standingOf } from '../../logic/assignments';
import { formatDate } from '../../logic/dates';
import { periodLabel } from '../../logic/periods';

/** An assignment's state: who holds it, its status and stage, the deadline in force and where it stands. */
export function AssignmentFacts({ state, taskText }: { state: StateAnswer; taskText: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const agencyName = useAgencyName();
  const { roles } = useSession();
  const readsDirectives = roles.some((r) => r !== 'agency_officer');
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 1, lg: 1, xl: 1, xxl: 2 }}
        styles={{ label: { width: 160 } }}
        data-testid="assignment-facts"
        items={[
          {
            key: 'directive',
            label: t('assignment.directive'),
            children: readsDirectives ? (
              <Link to={`/directives/${state.directiveId}`}>{state.directiveNumber}</Link>
            ) : (
              state.directiveNumber
            ),
          },
          { key: 'task', label: t('assignment.task'), children: t('assignment.taskNumber', { number: state.taskNumber }) },
          { key: 'text', label: t('assignment.taskText'), span: 'filled', children: taskText ?? '—' },
          { key: 'agency', label: t('assignment.agency'), children: agencyName(state.agencyId) },
          {
            key: 'role',
            label: t('assignment.role'),
            children: (
              <>
                {t(`roles.assignment.${state.role}`)} · {t(`modes.${state.mode}`)}
                {state.viaGroup ? ` · ${t('assignment.viaGroup', { group: agencyName(state.viaGroup) })}` : ''}
              </>
            ),
          },
          { key: 'status', label: t('assignment.status'), children: <StatusTag status={state.status} /> },
          { key: 'stage', label: t('assignment.stage'), children: <StageTag stage={state.lifecycle} /> },
          { key: 'assignedOn', label: t('assignment.assignedOn'), children: formatDate(state.assignedOn) },
          {
            key: 'deadline',
            label: t('assignment.deadlineInForce'),
            children: (
              <>
                {formatDate(state.deadline)}{' '}
                {state.extendedAfterDue ? <ToneTag tone="gold">{t('assignment.extendedAfterDue')}</ToneTag> : null}
              </>
            ),
          },
          {
            key: 'standing',
            label: t('assignment.standing'),
            children: <DeadlineStandingText standing={standingOf({ status: state.status, state }, state.asOf)} />,
          },
          { key: 'completedOn', label: t('assignment.completedOn'), children: formatDate(state.completedOn) },
          { key: 'lastReportedOn', label: t('assignment.lastReported'), children: formatDate(state.lastReportedOn) },
          {
            key: 'percent',
            label: t('assignment.percent'),
            children:
              state.latestPercent === null ? (
                '—'
              ) : (
                <Progress percent={state.latestPercent} size="small" aria-label={t('assignment.percent')} />
              ),
          },
          ...(state.closedOn ? [{ key: 'closedOn', label: t('assignment.closedOn'), children: formatDate(state.closedOn) }] : []),
          ...(state.staleNoReport
            ? [{ key: 'stale', label: t('assignment.attention'), children: <ToneTag tone="gold">{t('assignment.stale')}</ToneTag> }]
            : []),
          { key: 'asOf', label: t('assignment.asOf'), children: formatDate(state.asOf) },
        ]}
      />
      {state.obligations.length ? (
        <Table
          style={{ marginTop: 16 }}
          size="small"
          rowKey="period"
          pagination={false}
          caption={<strong>{t('assignment.obligations')}</strong>}
          dataSource={state.obligations}
          columns={[
            { key: 'period', title: t('forms.period'), render: (_, o) => periodLabel(o.period)[language] },
            { key: 'dueOn', title: t('assignment.deadline'), render: (_, o) => formatDate(o.dueOn) },
            { key: 'status', title: t('assignment.status'), render: (_, o) => <StatusTag status={o.status} /> },
            { key: 'stage', title: t('assignment.stage'), render: (_, o) => <StageTag stage={o.lifecycle} /> },
            { key: 'completedOn', title: t('assignment.completedOn'), render: (_, o) => formatDate(o.completedOn) },
          ]}
        />
      ) : null}
    </>
  );
}
