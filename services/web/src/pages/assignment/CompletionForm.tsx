import { completionRequest } from '@dm/contracts/web';
import { Button, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { reportCompletion } from '../../api/assignments';
import { AttachmentInput, attachmentBody, type ChosenFile } from '../../forms/AttachmentInput';
import { BusinessDatePicker } from '../../forms/BusinessDatePicker';
import { checkAttachment } from '../../forms/check-attachment';
import { isoDate } from '../../forms/dates';
import { FormErrors } from '../../forms/FormErrors';
import { checkIncomingDocument, incomingDocumentBody, type IncomingDocumentValues } from '../../forms/incoming-document';
import { IncomingDocumentFields } from '../../forms/IncomingDocumentFields';
import { optionalText } from '../../forms/text';
import { useApiForm } from '../../forms/use-api-form';
import { useLanguage } from '../../i18n';
import { todayInVietnam } from '../../logic/dates';
import { periodLabel } from '../../logic/periods';
import { useAfterWrite } from './use-after-write';

interface Values {
  period?: string;
  completedOn?: Dayjs | null;
  summary?: string;
  evidence?: string;
  incomingDocument?: IncomingDocumentValues;
  attachment?: ChosenFile | null;
}

const FIELDS = [
  ['period'],
  ['completedOn'],
  ['summary'],
  ['evidence'],
  ['incomingDocument', 'number'],
  ['incomingDocument', 'date'],
  ['attachment'],
];

interface Props {
  assignmentId: string;
  onBehalf: boolean;
  /** A recurring task's periods still open: the completion names one. */
  periods: string[] | null;
}

/** Report the assignment completed, with its evidence: it then awaits the monitoring office's confirmation. */
export function CompletionForm({ assignmentId, onBehalf, periods }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<Values>();
  const afterWrite = useAfterWrite(assignmentId);
  const body = (values: Values) => ({
    ...(periods ? { period: values.period } : {}),
    completedOn: isoDate(values.completedOn) ?? '',
    summary: values.summary ?? '',
    evidence: optionalText(values.evidence),
    incomingDocument: incomingDocumentBody(values.incomingDocument, onBehalf),
    attachment: attachmentBody(values.attachment),
  });
  const { submit, submitting, general, onValuesChange } = useApiForm({
    form,
    schema: completionRequest,
    check: () => [
      ...(periods && !form.getFieldValue('period') ? [{ path: ['period'], message: 'is required' }] : []),
      ...checkIncomingDocument(form.getFieldValue('incomingDocument'), onBehalf),
      ...checkAttachment(form.getFieldValue('attachment')),
    ],
    fields: FIELDS,
    send: (b: ReturnType<typeof body>, key) => reportCompletion(assignmentId, b, key),
    onDone: () => {
      form.resetFields();
      afterWrite();
    },
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="completion"
      initialValues={{ completedOn: dayjs(todayInVietnam()), period: periods?.[0] }}
      onValuesChange={onValuesChange}
      onFinish={(values) => void submit(body(values))}
      data-testid="completion-form"
    >
      {periods ? (
        <Form.Item label={t('forms.period')} name="period" required>
          <Select style={{ maxWidth: 260 }} options={periods.map((p) => ({ value: p, label: periodLabel(p)[language] }))} />
        </Form.Item>
      ) : null}
      <Form.Item label={t('forms.completedOn')} name="completedOn" required>
        <BusinessDatePicker />
      </Form.Item>
      <Form.Item label={t('forms.completionSummary')} name="summary" required>
        <Input.TextArea rows={4} maxLength={20000} />
      </Form.Item>
      <Form.Item label={t('forms.evidence')} name="evidence" extra={t('forms.evidenceHelp')}>
        <Input maxLength={1000} />
      </Form.Item>
      {onBehalf ? <IncomingDocumentFields /> : null}
      <Form.Item label={t('forms.attachment')} name="attachment" extra={t('forms.attachmentHelp')}>
        <AttachmentInput />
      </Form.Item>
      <FormErrors messages={general} />
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('forms.sendCompletion')}
      </Button>
    </Form>
  );
}
