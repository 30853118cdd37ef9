import { changeDeadlineRequest } from '@dm/contracts/web';
import { Button, Checkbox, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { changeDeadline } from '../../api/directives';
import { BusinessDatePicker } from '../../forms/BusinessDatePicker';
import { isoDate, pickerDate } from '../../forms/dates';
import { FormErrors } from '../../forms/FormErrors';
import { useApiForm } from '../../forms/use-api-form';
import { todayInVietnam } from '../../logic/dates';

interface Values {
  agencyId?: string;
  deadline?: Dayjs | null;
  noDeadline?: boolean;
  changedOn?: Dayjs | null;
  reason?: string;
  authorizingDocument?: string;
}

interface Props {
  directiveId: string;
  taskNumber: string;
  currentDeadline: string | null;
  /** The task's agencies, by id and name: the change may be for one of them only. */
  agencies: Array<{ id: string; name: string }>;
  onDone: () => void;
}

/** Extend or change a task's deadline (gia hạn), or one agency's, in force from a date, on the authority of a document. */
export function DeadlineChangeForm({ directiveId, taskNumber, currentDeadline, agencies, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const noDeadline = Form.useWatch('noDeadline', form);
  const body = (values: Values) => ({
    deadline: values.noDeadline ? null : (isoDate(values.deadline) ?? ''),
    reason: values.reason ?? '',
    authorizingDocument: values.authorizingDocument ?? '',
    changedOn: isoDate(values.changedOn),
    agencyId: values.agencyId || undefined,
  });
  const { submit, submitting, general, onValuesChange } = useApiForm({
    form,
    schema: changeDeadlineRequest,
    fields: [['deadline'], ['reason'], ['authorizingDocument'], ['changedOn'], ['agencyId']],
    send: (b: ReturnType<typeof body>, key) => changeDeadline(directiveId, taskNumber, b, key),
    onDone,
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name={`deadline-${taskNumber}`}
      initialValues={{ agencyId: '', deadline: pickerDate(currentDeadline), changedOn: dayjs(todayInVietnam()) }}
      onValuesChange={onValuesChange}
      onFinish={(values) => void submit(body(values))}
      data-testid="deadline-form"
    >
      <Form.Item label={t('changes.scope')} name="agencyId">
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={[{ value: '', label: t('changes.wholeTask') }, ...agencies.map((a) => ({ value: a.id, label: a.name }))]}
        />
      </Form.Item>
      <Form.Item label={t('changes.newDeadline')} name="deadline">
        <BusinessDatePicker future disabled={!!noDeadline} />
      </Form.Item>
      <Form.Item name="noDeadline" valuePropName="checked">
        <Checkbox>{t('changes.noDeadline')}</Checkbox>
      </Form.Item>
      <Form.Item label={t('changes.changedOn')} name="changedOn">
        <BusinessDatePicker />
      </Form.Item>
      <Form.Item label={t('changes.reason')} name="reason" required>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item label={t('changes.authorizingDocument')} name="authorizingDocument" required>
        <Input maxLength={300} />
      </Form.Item>
      <FormErrors messages={general} />
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('changes.saveDeadline')}
      </Button>
    </Form>
  );
}
