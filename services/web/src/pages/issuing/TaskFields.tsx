import { TASK_MODES } from '@dm/contracts/web';
import { Button, Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { BusinessDatePicker } from '../../forms/BusinessDatePicker';
import type { PartyOption } from './party-options';

interface Props {
  index: number;
  name: number;
  parties: PartyOption[];
  onRemove?: () => void;
  preview: React.ReactNode;
}

/** One task of the directive being issued: its number, text, mode, lead and coordinating agencies or groups, deadline. */
export function TaskFields({ index, name, parties, onRemove, preview }: Props) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={<h3 className="card-title">{t('issue.taskTitle', { index: index + 1 })}</h3>}
      extra={
        onRemove ? (
          <Button size="small" danger onClick={onRemove}>
            {t('issue.removeTask')}
          </Button>
        ) : null
      }
      data-testid="task-fields"
    >
      <Form.Item label={t('directive.taskNumber')} name={[name, 'number']} required>
        <Input style={{ maxWidth: 160 }} maxLength={20} />
      </Form.Item>
      <Form.Item label={t('assignment.taskText')} name={[name, 'text']} required>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item label={t('directive.mode')} name={[name, 'mode']} required>
        <Select style={{ maxWidth: 260 }} options={TASK_MODES.map((mode) => ({ value: mode, label: t(`modes.${mode}`) }))} />
      </Form.Item>
      <Form.Item label={t('directive.lead')} name={[name, 'lead']} required extra={t('issue.groupsHelp')}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={parties} />
      </Form.Item>
      <Form.Item label={t('directive.coordinating')} name={[name, 'coordinating']}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={parties} />
      </Form.Item>
      <Form.Item label={t('assignment.deadline')} name={[name, 'deadline']} extra={t('issue.deadlineHelp')}>
        <BusinessDatePicker future />
      </Form.Item>
      <Form.Item label={t('issue.reportDuty')} name={[name, 'reportDuty']}>
        <Input.TextArea rows={2} />
      </Form.Item>
      {preview}
    </Card>
  );
}
