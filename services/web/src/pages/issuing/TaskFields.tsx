import { TASK_MODES } from '@dm/contracts/web';
import { Button, Card, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { BusinessDatePicker } from '../../forms/BusinessDatePicker';
import { noted, type FieldNotes } from './field-notes';
import type { PartyOption } from './party-options';

interface Props {
  index: number;
  name: number;
  parties: PartyOption[];
  onRemove?: () => void;
  preview: React.ReactNode;
  /** What to say beside a field (an import's uncertain fields), by the field's whole name (['tasks', name, 'lead']). */
  notes?: FieldNotes;
  /** The card's id (a link to the task focuses it), and more in its header (where the task is in a source text). */
  id?: string;
  extra?: React.ReactNode;
  /** Something in the card took the focus: the task is the one being looked at. */
  onFocus?: () => void;
}

/** One task of the directive being issued: its number, text, mode, lead and coordinating agencies or groups, deadline. */
export function TaskFields({ index, name, parties, onRemove, preview, notes, id, extra, onFocus }: Props) {
  const { t } = useTranslation();
  const note = (field: string, help?: React.ReactNode) => noted(notes, ['tasks', name, field], help);
  return (
    <Card
      id={id}
      tabIndex={id ? -1 : undefined}
      onFocus={onFocus}
      size="small"
      style={{ marginBottom: 16 }}
      title={<h3 className="card-title">{t('issue.taskTitle', { index: index + 1 })}</h3>}
      extra={
        <Space size="small" wrap>
          {extra}
          {onRemove ? (
            <Button size="small" danger onClick={onRemove}>
              {t('issue.removeTask')}
            </Button>
          ) : null}
        </Space>
      }
      data-testid="task-fields"
    >
      <Form.Item label={t('directive.taskNumber')} name={[name, 'number']} required {...note('number')}>
        <Input style={{ maxWidth: 160 }} maxLength={20} />
      </Form.Item>
      <Form.Item label={t('assignment.taskText')} name={[name, 'text']} required {...note('text')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item label={t('directive.mode')} name={[name, 'mode']} required {...note('mode')}>
        <Select style={{ maxWidth: 260 }} options={TASK_MODES.map((mode) => ({ value: mode, label: t(`modes.${mode}`) }))} />
      </Form.Item>
      <Form.Item label={t('directive.lead')} name={[name, 'lead']} required {...note('lead', t('issue.groupsHelp'))}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={parties} />
      </Form.Item>
      <Form.Item label={t('directive.coordinating')} name={[name, 'coordinating']} {...note('coordinating')}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={parties} />
      </Form.Item>
      <Form.Item label={t('assignment.deadline')} name={[name, 'deadline']} {...note('deadline', t('issue.deadlineHelp'))}>
        <BusinessDatePicker future />
      </Form.Item>
      <Form.Item label={t('issue.reportDuty')} name={[name, 'reportDuty']} {...note('reportDuty')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      {preview}
    </Card>
  );
}
