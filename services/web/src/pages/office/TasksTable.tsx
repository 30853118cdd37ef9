import { Button, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DirectiveAnswer } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { ToneTag } from '../../components/ToneTag';
import { useAgencyName } from '../../hooks/useRegistry';
import { compareTaskNumbers } from '../../logic/assignments';
import { formatDate } from '../../logic/dates';
import { CancelTaskForm } from './CancelTaskForm';
import { DeadlineChangeForm } from './DeadlineChangeForm';
import { useDirectiveWritten } from './use-directive-written';
import { ScrollRegion } from '../../components/ScrollRegion';

type Task = DirectiveAnswer['tasks'][number];
type Dialog = { kind: 'deadline' | 'cancel'; task: Task } | null;

/** A directive's tasks as of the date asked, with the office's changes: extend a deadline, cancel. */
export function TasksTable({ directive }: { directive: DirectiveAnswer }) {
  const { t } = useTranslation();
  const session = useSession();
  const agencyName = useAgencyName();
  const written = useDirectiveWritten();
  const [dialog, setDialog] = useState<Dialog>(null);
  const mayChange = session.hasRole('monitoring_officer') && !directive.closed;
  const mayInspect = session.hasRole('inspector') || session.hasRole('admin');
  const agenciesOf = (task: Task) =>
    [...new Set(directive.assignments.filter((a) => a.taskNumber === task.number).map((a) => a.agencyId))].map((id) => ({
      id,
      name: agencyName(id),
    }));
  const close = () => setDialog(null);
  const done = () => {
    close();
    written();
  };

  return (
    <>
      <ScrollRegion label={t('directive.tasks')}>
        <Table<Task>
          rowKey="number"
          size="small"
          dataSource={[...directive.tasks].sort((a, b) => compareTaskNumbers(a.number, b.number))}
          pagination={false}
          caption={<span className="visually-hidden">{t('directive.tasks')}</span>}
          data-testid="tasks"
          columns={[
            { key: 'number', title: t('directive.taskNumber'), dataIndex: 'number' },
            {
              key: 'text',
              title: t('assignment.taskText'),
              width: 520,
              render: (_, task) => (
                <Typography.Paragraph ellipsis={{ rows: 3, expandable: 'collapsible' }} style={{ margin: 0 }}>
                  {task.text}
                </Typography.Paragraph>
              ),
            },
            { key: 'mode', title: t('directive.mode'), render: (_, task) => t(`modes.${task.mode}`) },
            { key: 'lead', title: t('directive.lead'), render: (_, task) => task.lead.map(agencyName).join('; ') },
            {
              key: 'deadline',
              title: t('assignment.deadline'),
              render: (_, task) => (
                <>
                  {task.recurrence ? (task.recurrence.phrase ?? t('directive.recurring')) : formatDate(task.deadline)}
                  {task.deadlineChanges.length ? (
                    <div className="muted">{t('directive.deadlineChanges', { count: task.deadlineChanges.length })}</div>
                  ) : null}
                </>
              ),
            },
            {
              key: 'state',
              title: t('assignment.stage'),
              render: (_, task) =>
                task.cancelled ? <ToneTag tone="grey">{t('directive.cancelledOn', { date: formatDate(task.cancelledOn) })}</ToneTag> : null,
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, task) => (
                <Space wrap>
                  {mayChange && !task.cancelled ? (
                    <>
                      {task.recurrence ? null : (
                        <Button size="small" onClick={() => setDialog({ kind: 'deadline', task })}>
                          {t('changes.extend')}
                        </Button>
                      )}
                      <Button size="small" danger onClick={() => setDialog({ kind: 'cancel', task })}>
                        {t('changes.cancel')}
                      </Button>
                    </>
                  ) : null}
                  {mayInspect ? (
                    <Link to={`/inspect/timeline?directive=${directive.id}&task=${encodeURIComponent(task.number)}`}>
                      {t('nav.history')}
                    </Link>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </ScrollRegion>
      <Modal
        open={!!dialog}
        onCancel={close}
        footer={null}
        destroyOnHidden
        title={
          dialog
            ? t(dialog.kind === 'deadline' ? 'changes.deadlineTitle' : 'changes.cancelTitle', { number: dialog.task.number })
            : undefined
        }
      >
        {dialog?.kind === 'deadline' ? (
          <DeadlineChangeForm
            directiveId={directive.id}
            taskNumber={dialog.task.number}
            currentDeadline={dialog.task.deadline}
            agencies={agenciesOf(dialog.task)}
            onDone={done}
          />
        ) : null}
        {dialog?.kind === 'cancel' ? (
          <CancelTaskForm directiveId={directive.id} taskNumber={dialog.task.number} agencies={agenciesOf(dialog.task)} onDone={done} />
        ) : null}
      </Modal>
    </>
  );
}
