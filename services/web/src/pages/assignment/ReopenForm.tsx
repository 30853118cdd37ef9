import { reopenRequest } from '@dm/contracts/web';
import { Button, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { reopenCompletion } from '../../api/assignments';
import { BusinessDatePicker } from '../../forms/BusinessDatePicker';
import { isoDate } from '../../forms/dates';
import { FormErrors } from '../../forms/FormErrors';
import { useApiForm } from '../../forms/use-api-form';
import { todayInVietnam } from '../../logic/dates';
import { useAfterWrite } from './use-after-write';

interface Values {
  reason?: string;
  reopenedOn?: Dayjs | null;
}

/** The monitoring office reopens an accepted completion: from that date the assignment is not completed. */
export function ReopenForm({ assignmentId }: { assignmentId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const afterWrite = useAfterWrite(assignmentId);
  const body = (values: Values) => ({ reason: values.reason ?? '', reopenedOn: isoDate(values.reopenedOn) });
  const { submit, submitting, general, onValuesChange } = useApiForm({
    form,
    schema: reopenRequest,
    fields: [['reason'], ['reopenedOn']],
    send: (b: ReturnType<typeof body>, key) => reopenCompletion(assignmentId, b, key),
    onDone: () => {
      form.resetFields();
      afterWrite();
    },
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="reopen"
      initialValues={{ reopenedOn: dayjs(todayInVietnam()) }}
      onValuesChange={onValuesChange}
      onFinish={(values) => void submit(body(values))}
      data-testid="reopen-form"
    >
      <Form.Item label={t('reopen.reopenedOn')} name="reopenedOn">
        <BusinessDatePicker />
      </Form.Item>
      <Form.Item label={t('reopen.reason')} name="reason" required>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <FormErrors messages={general} />
      <Button danger htmlType="submit" loading={submitting}>
        {t('reopen.submit')}
      </Button>
    </Form>
  );
}
