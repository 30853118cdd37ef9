import { progressRequest } from '@dm/contracts/web';
import { Button, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { reportProgress } from '../../api/assignments';
import { AttachmentInput, attachmentBody, type ChosenFile } from '../../forms/AttachmentInput';
import { BusinessDatePicker } from '../../forms/BusinessDatePicker';
import { checkAttachment } from '../../forms/check-attachment';
import { isoDate } from '../../forms/dates';
import { FormErrors } from '../../forms/FormErrors';
import { checkIncomingDocument, incomingDocumentBody, type IncomingDocumentValues } from '../../forms/incoming-document';
import { IncomingDocumentFields } from '../../forms/IncomingDocumentFields';
import { optionalText } from '../../forms/text';
import { useApiForm } from '../../forms/use-api-form';
import { todayInVietnam } from '../../logic/dates';
import { useAfterWrite } from './use-after-write';

interface Values {
  reportedOn?: Dayjs | null;
  summary?: string;
  percent?: number | null;
  difficulties?: string;
  proposals?: string;
  incomingDocument?: IncomingDocumentValues;
  attachment?: ChosenFile | null;
}

const FIELDS = [
  ['reportedOn'],
  ['summary'],
  ['percent'],
  ['difficulties'],
  ['proposals'],
  ['incomingDocument', 'number'],
  ['incomingDocument', 'date'],
  ['attachment'],
];

/** Report progress: what was done, how far, what is hard, what is proposed; a file if any. */
export function ProgressForm({ assignmentId, onBehalf }: { assignmentId: string; onBehalf: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const afterWrite = useAfterWrite(assignmentId);
  const body = (values: Values) => ({
    reportedOn: isoDate(values.reportedOn) ?? '',
    summary: values.summary ?? '',
    percent: values.percent ?? null,
    difficulties: optionalText(values.difficulties),
    proposals: optionalText(values.proposals),
    incomingDocument: incomingDocumentBody(values.incomingDocument, onBehalf),
    attachment: attachmentBody(values.attachment),
  });
  const { submit, submitting, general, onValuesChange } = useApiForm({
    form,
    schema: progressRequest,
    check: () => [
      ...checkIncomingDocument(form.getFieldValue('incomingDocument'), onBehalf),
      ...checkAttachment(form.getFieldValue('attachment')),
    ],
    fields: FIELDS,
    send: (b: ReturnType<typeof body>, key) => reportProgress(assignmentId, b, key),
    onDone: () => {
      form.resetFields();
      afterWrite();
    },
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="progress"
      initialValues={{ reportedOn: dayjs(todayInVietnam()) }}
      onValuesChange={onValuesChange}
      onFinish={(values) => void submit(body(values))}
      data-testid="progress-form"
    >
      <Form.Item label={t('forms.reportedOn')} name="reportedOn" required>
        <BusinessDatePicker />
      </Form.Item>
      <Form.Item label={t('forms.progressSummary')} name="summary" required>
        <Input.TextArea rows={4} maxLength={20000} />
      </Form.Item>
      <Form.Item label={t('forms.percent')} name="percent">
        <InputNumber min={0} max={100} suffix="%" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label={t('forms.difficulties')} name="difficulties">
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item label={t('forms.proposals')} name="proposals">
        <Input.TextArea rows={2} />
      </Form.Item>
      {onBehalf ? <IncomingDocumentFields /> : null}
      <Form.Item label={t('forms.attachment')} name="attachment" extra={t('forms.attachmentHelp')}>
        <AttachmentInput />
      </Form.Item>
      <FormErrors messages={general} />
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('forms.sendProgress')}
      </Button>
    </Form>
  );
}
