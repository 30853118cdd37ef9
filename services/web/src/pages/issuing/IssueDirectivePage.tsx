import { issueDirectiveRequest } from '@dm/contracts/web';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { issueDirective } from '../../api/directives';
import { useSession } from '../../auth/session-context';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { FormErrors } from '../../forms/FormErrors';
import { useApiForm } from '../../forms/use-api-form';
import { useRegistry } from '../../hooks/useRegistry';
import { todayInVietnam } from '../../logic/dates';
import { DIRECTIVE_FIELDS, directiveBody, type DirectiveValues, type IssueDirectiveBody } from '../../logic/directive-body';
import { registryOnDate } from '../../logic/fan-out';
import { DirectiveFields } from './DirectiveFields';
import { FanOutPreview } from './FanOutPreview';
import { agencyOptions, defaultIssuer, partyOptions } from './party-options';
import { TaskFields } from './TaskFields';
import { useToast } from '../../components/Toasts';

const emptyTask = (number: number) => ({ number: String(number), mode: 'giao' as const, lead: [], coordinating: [] });

/** Issue a directive with its tasks; groups addressed fan out to their members as of the issue date, previewed here. */
export function IssueDirectivePage() {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const [form] = Form.useForm<DirectiveValues>();
  const issuedOn = Form.useWatch('issuedOn', form)?.format('YYYY-MM-DD') ?? todayInVietnam();
  const issuer = Form.useWatch('issuer', form);
  const tasks = Form.useWatch('tasks', form) ?? [];
  const registry = useRegistry(issuedOn);
  const onDate = useMemo(() => (registry.data ? registryOnDate(registry.data) : null), [registry.data]);
  const parties = partyOptions(registry.data, { groups: t('issue.groups'), agencies: t('issue.agencies') });
  useEffect(() => {
    if (registry.data && !form.getFieldValue('issuer')) form.setFieldValue('issuer', defaultIssuer(registry.data, session.agencyId));
  }, [form, registry.data, session.agencyId]);
  const groupName = (id: string) => onDate?.groups.get(id)?.name ?? onDate?.agencies.get(id)?.name ?? id;

  const { submit, submitting, general, onValuesChange } = useApiForm({
    form,
    schema: issueDirectiveRequest,
    fields: DIRECTIVE_FIELDS,
    send: (body: IssueDirectiveBody, key) => issueDirective(body, key),
    onDone: (answer) => {
      toast.success(t('issue.issued'));
      void queryClient.invalidateQueries({ queryKey: ['directives'] });
      navigate(`/directives/${answer.id}`);
    },
  });

  return (
    <>
      <PageHeader
        title={t('nav.issueDirective')}
        extra={
          <Link to="/directives/import" data-testid="import-instead">
            {t('issue.importFromText')}
          </Link>
        }
      />
      {registry.error ? <QueryError error={registry.error} /> : null}
      <Form<DirectiveValues>
        form={form}
        layout="vertical"
        name="issue-directive"
        initialValues={{
          issuedOn: dayjs(todayInVietnam()),
          type: 'cong-van',
          monitoringAgency: session.agencyId ?? undefined,
          legalBasis: [''],
          tasks: [emptyTask(1)],
        }}
        onValuesChange={onValuesChange}
        onFinish={(values) => void submit(directiveBody(values))}
        data-testid="issue-directive-form"
      >
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Card title={<h2 className="card-title">{t('issue.header')}</h2>}>
            <DirectiveFields agencies={agencyOptions(registry.data)} parties={parties} />
          </Card>
          <Card title={<h2 className="card-title">{t('directive.tasks')}</h2>}>
            <Form.List name="tasks">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, index) => (
                    <TaskFields
                      key={field.key}
                      index={index}
                      name={field.name}
                      parties={parties}
                      onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
                      preview={
                        <FanOutPreview
                          task={tasks[index] ?? {}}
                          registry={onDate}
                          issuer={issuer}
                          issuedOn={issuedOn}
                          groupName={groupName}
                        />
                      }
                    />
                  ))}
                  <Button onClick={() => add(emptyTask(fields.length + 1))}>{t('issue.addTask')}</Button>
                </>
              )}
            </Form.List>
          </Card>
          <div>
            <FormErrors messages={general} />
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="issue-submit">
              {t('issue.submit')}
            </Button>
          </div>
        </Space>
      </Form>
    </>
  );
}
