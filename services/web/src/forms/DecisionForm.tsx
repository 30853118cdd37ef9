import { confirmationRequest } from '@dm/contracts/web';
import { Button, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { decideCompletion } from '../api/assignments';
import { useLanguage } from '../i18n';
import { todayInVietnam } from '../logic/dates';
import { periodLabel } from '../logic/periods';
import { BusinessDatePicker } from './BusinessDatePicker';
import { isoDate } from './dates';
import { FormErrors } from './FormErrors';
import { useApiForm } from './use-api-form';

interface Values {
  accepted: boolean;
  confirmedOn?: Dayjs | null;
  returnedOn?: Dayjs | null;
  reason?: string;
  period?: string;
}

interface Props {
  assignmentId: string;
  /** The periods awaiting a decision, when the task recurs and more than one does. */
  periods?: string[];
  onDone: () => void;
}

/** The monitoring office accepts a reported completion, or returns it with a reason. */
export function DecisionForm({ assignmentId, periods = [], onDone }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<Values>();
  const accepted = Form.useWatch('accepted', form) ?? true;
  const body = (values: Values) => {
    const period = periods.length ? values.period : undefined;
    return values.accepted
      ? { accepted: true as const, confirmedOn: isoDate(values.confirmedOn), period }
      : { accepted: false as const, reason: values.reason ?? '', returnedOn: isoDate(values.returnedOn), period };
  };
  const { submit, submitting, general, onValuesChange } = useApiForm({
    form,
    schema: confirmationRequest,
    fields: [['accepted'], ['reason'], ['confirmedOn'], ['returnedOn'], ['period']],
    send: (b: ReturnType<typeof body>, key) => decideCompletion(assignmentId, b, key),
    onDone: () => {
      form.resetFields();
      onDone();
    },
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name={`decision-${assignmentId}`}
      initialValues={{ accepted: true, confirmedOn: dayjs(todayInVietnam()), returnedOn: dayjs(todayInVietnam()), period: periods[0] }}
      onValuesChange={onValuesChange}
      onFinish={(values) => void submit(body(values))}
      data-testid="decision-form"
    >
      {periods.length > 1 ? (
        <Form.Item label={t('forms.period')} name="period">
          <Select options={periods.map((p) => ({ value: p, label: periodLabel(p)[language] }))} style={{ maxWidth: 260 }} />
        </Form.Item>
      ) : null}
      <Form.Item label={t('decision.label')} name="accepted">
        <Radio.Group
          options={[
            { value: true, label: t('decision.accept') },
            { value: false, label: t('decision.return') },
          ]}
        />
      </Form.Item>
      {accepted ? (
        <Form.Item label={t('decision.confirmedOn')} name="confirmedOn">
          <BusinessDatePicker />
        </Form.Item>
      ) : (
        <>
          <Form.Item label={t('decision.returnedOn')} name="returnedOn">
            <BusinessDatePicker />
          </Form.Item>
          <Form.Item label={t('decision.reason')} name="reason" required>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
      <FormErrors messages={general} />
      <Button type="primary" htmlType="submit" loading={submitting} danger={!accepted}>
        {accepted ? t('decision.accept') : t('decision.return')}
      </Button>
    </Form>
  );
}
