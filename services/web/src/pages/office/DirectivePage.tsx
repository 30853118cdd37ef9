import { useQuery } from '@tanstack/react-query';
import { Card, Form, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { fetchDirective } from '../../api/directives';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { StatusLegend } from '../../components/StatusLegend';
import { BusinessDatePicker } from '../../forms/BusinessDatePicker';
import { isoDate, pickerDate } from '../../forms/dates';
import { useSearchState } from '../../hooks/useSearchState';
import { formatDate } from '../../logic/dates';
import { tallyStatuses } from '../../logic/status-grid';
import { DirectiveHeader } from './DirectiveHeader';
import { StatusGridTable } from './StatusGridTable';
import { TasksTable } from './TasksTable';

/** A directive: its header, its tasks × agencies coloured by status as of a chosen date, and its tasks. */
export function DirectivePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ asOf, role }, set] = useSearchState(['asOf', 'role'] as const);
  const assignmentRole = role === 'coordinating' ? 'coordinating' : 'lead';
  const directive = useQuery({
    queryKey: ['directive', id, { asOf, role: assignmentRole }],
    queryFn: () => fetchDirective(id, { asOf: asOf ?? undefined, role: assignmentRole }),
    retry: false,
    placeholderData: (previous) => previous,
  });

  if (directive.isPending) return <Loading />;
  if (directive.error && !directive.data) {
    return (
      <>
        <PageHeader title={t('nav.directives')} />
        <QueryError error={directive.error} forbidden={t('directive.forbidden')} />
      </>
    );
  }
  const data = directive.data;
  const gridCaption = t('grid.caption', { number: data.number, date: formatDate(data.asOf) });
  return (
    <>
      <PageHeader title={t('directive.title', { number: data.number })} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          <DirectiveHeader directive={data} />
        </Card>
        <Card title={<h2 className="card-title">{t('grid.title')}</h2>}>
          <Form layout="inline" style={{ marginBottom: 8, rowGap: 8 }}>
            <Form.Item label={t('grid.asOf')} htmlFor="grid-as-of">
              <BusinessDatePicker
                id="grid-as-of"
                future
                value={pickerDate(asOf ?? data.asOf)}
                onChange={(day) => set({ asOf: isoDate(day) })}
                data-testid="grid-as-of"
              />
            </Form.Item>
            <Form.Item label={t('grid.role')}>
              <Radio.Group
                optionType="button"
                aria-label={t('grid.role')}
                value={assignmentRole}
                onChange={(e) => set({ role: e.target.value === 'lead' ? null : e.target.value })}
                options={[
                  { value: 'lead', label: t('roles.assignment.lead') },
                  { value: 'coordinating', label: t('roles.assignment.coordinating') },
                ]}
              />
            </Form.Item>
          </Form>
          {directive.error ? <QueryError error={directive.error} /> : null}
          <StatusLegend counts={tallyStatuses(data.assignments)} />
          <StatusGridTable assignments={data.assignments} tasks={data.tasks.map((task) => task.number)} caption={gridCaption} />
        </Card>
        <Card title={<h2 className="card-title">{t('directive.tasks')}</h2>}>
          <TasksTable directive={data} />
        </Card>
      </Space>
    </>
  );
}
