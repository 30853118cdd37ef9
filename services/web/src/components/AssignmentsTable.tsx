import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AssignmentRow } from '../api/types';
import { useAgencyName } from '../hooks/useRegistry';
import { standingOf } from '../logic/assignments';
import { formatDate, todayInVietnam } from '../logic/dates';
import { DeadlineStandingText } from './DeadlineStandingText';
import { StageTag, StatusTag } from './StatusTag';
import { ScrollRegion } from './ScrollRegion';

export type AssignmentColumn = 'agency' | 'directive' | 'task' | 'role' | 'status' | 'stage' | 'deadline' | 'standing' | 'lastReported';

interface Props {
  rows: AssignmentRow[];
  columns: AssignmentColumn[];
  taskText?: (directiveId: string, taskNumber: string) => string | undefined;
  loading?: boolean;
  /** Actions on a row (confirm, return …), in the last column. */
  actions?: (row: AssignmentRow) => React.ReactNode;
  caption: string;
  testId?: string;
}

/** Assignments with their status colour, the deadline in force and the days left or overdue, each linking to its page. */
export function AssignmentsTable({ rows, columns, taskText, loading, actions, caption, testId }: Props) {
  const { t } = useTranslation();
  const agencyName = useAgencyName();
  const today = todayInVietnam();
  const all: Record<AssignmentColumn, ColumnsType<AssignmentRow>[number]> = {
    agency: { key: 'agency', title: t('assignment.agency'), render: (_, r) => agencyName(r.agencyId) },
    directive: { key: 'directive', title: t('assignment.directive'), dataIndex: 'directiveNumber' },
    task: {
      key: 'task',
      title: t('assignment.task'),
      width: 360,
      render: (_, r) => (
        <Link to={`/assignments/${r.id}`} data-testid="assignment-link">
          {t('assignment.taskNumber', { number: r.taskNumber })}
          {taskText?.(r.directiveId, r.taskNumber) ? (
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, color: 'inherit', maxWidth: 360 }}>
              {taskText(r.directiveId, r.taskNumber)}
            </Typography.Paragraph>
          ) : null}
        </Link>
      ),
    },
    role: { key: 'role', title: t('assignment.role'), render: (_, r) => t(`roles.assignment.${r.role}`) },
    status: { key: 'status', title: t('assignment.status'), render: (_, r) => <StatusTag status={r.status} /> },
    stage: { key: 'stage', title: t('assignment.stage'), render: (_, r) => <StageTag stage={r.lifecycle} /> },
    deadline: { key: 'deadline', title: t('assignment.deadline'), render: (_, r) => formatDate(r.state.deadline) },
    standing: {
      key: 'standing',
      title: t('assignment.standing'),
      render: (_, r) => <DeadlineStandingText standing={standingOf(r, today)} />,
    },
    lastReported: { key: 'lastReported', title: t('assignment.lastReported'), render: (_, r) => formatDate(r.state.lastReportedOn) },
  };
  const chosen = columns.map((c) => all[c]);
  if (actions) chosen.push({ key: 'actions', title: t('common.actions'), render: (_, r) => actions(r) });
  return (
    <ScrollRegion label={caption}>
      <Table<AssignmentRow>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        columns={chosen}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        caption={<span className="visually-hidden">{caption}</span>}
        data-testid={testId}
      />
    </ScrollRegion>
  );
}
