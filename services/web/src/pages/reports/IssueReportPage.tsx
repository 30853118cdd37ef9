import { issueReportRequest } from '@dm/contracts/web';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { issueReport, type IssueReportBody } from '../../api/reports';
import { PageHeader } from '../../components/PageHeader';
import { BusinessDatePicker } from '../../forms/BusinessDatePicker';
import { isoDate } from '../../forms/dates';
import { FormErrors } from '../../forms/FormErrors';
import { optionalText } from '../../forms/text';
import { useApiForm } from '../../forms/use-api-form';
import { todayInVietnam } from '../../logic/dates';
import { PeriodPicker } from './PeriodPicker';
import { usePeriodChoice } from './use-period-choice';
import { useToast } from '../../components/Toasts';

interface Values {
  number?: string;
  place?: string;
  date?: Dayjs | null;
  title?: string;
  issuingBody?: string;
  parentBody?: string;
  recipients?: string[];
  signer?: { name?: string; capacity?: string; title?: string };
  reason?: string;
}

const FIELDS = [['period'], ['calendar'], ['directiveId'], ['number'], ['place'], ['date'], ['title'], ['issuingBody'], ['parentBody'], ['recipients', '*'], ['signer', 'name'], ['signer', 'capacity'], ['signer', 'title'], ['reason']];

/** Issue the period's report: frozen at a checkpoint taken for it; issuing it again is a new revision, with a reason. */
export function IssueReportPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const choice = usePeriodChoice();
  const [form] = Form.useForm<Values>();
  const body = (values: Values): IssueReportBody => ({
    ...choice.query,
    number: values.number ?? '',
    place: values.place ?? '',
    date: isoDate(values.date),
    title: optionalText(values.title),
    issuingBody: optionalText(values.issuingBody),
    parentBody: optionalText(values.parentBody),
    recipients: values.recipients ?? [],
    signer: values.signer?.name?.trim()
      ? { name: values.signer.name, capacity: optionalText(values.signer.capacity) ?? null, title: values.signer.title ?? '' }
      : undefined,
    reason: optionalText(values.reason),
  });
  const { submit, submitting, general, onValuesChange } = useApiForm({
    form,
    schema: issueReportRequest,
    fields: FIELDS,
    send: (b: IssueReportBody, key) => issueReport(b, key),
    onDone: (answer) => {
      toast.success(t('issueReport.issued', { revision: answer.revision }));
      void queryClient.invalidateQueries({ queryKey: ['issued-reports'] });
      navigate(`/reports?${new URLSearchParams({ period: choice.period, calendar: choice.calendar })}`);
    },
  });
  return (
    <>
      <PageHeader title={t('issueReport.title')} />
      <PeriodPicker choice={choice} />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          name="issue-report"
          initialValues={{ place: 'Thanh Hóa', date: dayjs(todayInVietnam()), recipients: [] }}
          onValuesChange={onValuesChange} onFinish={(values) => void submit(body(values))}
          data-testid="issue-report-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label={t('reports.number')} name="number" required>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('issueReport.place')} name="place" required>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('reports.date')} name="date">
                <BusinessDatePicker />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('issueReport.reportTitle')} name="title">
            <Input maxLength={500} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t('issueReport.issuingBody')} name="issuingBody" extra={t('issueReport.bodyHelp')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('issueReport.parentBody')} name="parentBody" extra={t('issueReport.bodyHelp')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('issueReport.recipients')} name="recipients" extra={t('issueReport.recipientsHelp')}>
            <Select mode="tags" open={false} suffixIcon={null} />
          </Form.Item>
          <fieldset className="fieldset">
            <legend>{t('directive.signer')}</legend>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item label={t('issue.signerCapacity')} name={['signer', 'capacity']}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label={t('issue.signerTitle')} name={['signer', 'title']}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label={t('issue.signerName')} name={['signer', 'name']}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
            </Row>
          </fieldset>
          <Form.Item label={t('issueReport.reason')} name="reason" extra={t('issueReport.reasonHelp')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <FormErrors messages={general} />
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="issue-report-submit">
            {t('issueReport.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
