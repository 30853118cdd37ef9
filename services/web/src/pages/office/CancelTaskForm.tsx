import { cancelTaskRequest } from '@dm/contracts/web';
import { Button, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { cancelTask } from '../../api/directives';
import { BusinessDatePicker } from '../../forms/BusinessDatePicker';
import { isoDate } from '../../forms/dates';
import { FormErrors } from '../../forms/FormErrors';
import { optionalText } from '../../forms/text';
import { useApiForm } from '../../forms/use-api-form';
import { todayInVietnam } from '../../logic/dates';

interface Values {
  agencyId?: string;
  cancelledOn?: Dayjs | null;
  reason?: string;
  authorizingDocument?: string;
}

interface Props {
  directiveId: string;
  taskNumber: string;
  agencies: Array<{ id: string; name: string }>;
  onDone: () => void;
}

/** Cancel a task, or remove one agency from it, from a date, with the reason. */
export function CancelTaskForm({ directiveId, taskNumber, agencies, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const body = (values: Values) => ({
    reason: values.reason ?? '',
    authorizingDocument: optionalText(values.authorizingDocument),
    cancelledOn: isoDate(values.cancelledOn),
    agencyId: values.agencyId || undefined,
  });
  const { submit, submitting, general, onValuesChange } = useApiForm({
    form,
    schema: cancelTaskRequest,
    fields: [['reason'], ['authorizingDocument'], ['cancelledOn'], ['agencyId']],
    send: (b: ReturnType<typeof body>, key) => cancelTask(directiveId, taskNumber, b, key),
    onDone,
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name={`cancel-${taskNumber}`}
      initialValues={{ agencyId: '', cancelledOn: dayjs(todayInVietnam()) }}
      onValuesChange={onValuesChange}
      onFinish={(values) => void submit(body(values))}
      data-testid="cancel-form"
    >
      <Form.Item label={t('changes.scope')} name="agencyId">
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={[{ value: '', label: t('changes.wholeTask') }, ...agencies.map((a) => ({ value: a.id, label: a.name }))]}
        />
      </Form.Item>
      <Form.Item label={t('changes.cancelledOn')} name="cancelledOn">
        <BusinessDatePicker />
      </Form.Item>
      <Form.Item label={t('changes.reason')} name="reason" required>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item label={t('changes.authorizingDocument')} name="authorizingDocument">
        <Input maxLength={300} />
      </Form.Item>
      <FormErrors messages={general} />
      <Button danger type="primary" htmlType="submit" loading={submitting}>
        {t('changes.cancelTask')}
      </Button>
    </Form>
  );
}
