import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { draftExportUrl, fetchRollup, fetchSummary } from '../../api/reports';
import { useSession } from '../../auth/session-context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { ExportLinks } from './ExportLinks';
import { IssuedReportsTable } from './IssuedReportsTable';
import { PeriodPicker } from './PeriodPicker';
import { RollupBarChart } from './RollupBarChart';
import { RollupTable } from './RollupTable';
import { StatusPieChart } from './StatusPieChart';
import { SummaryFigures } from './SummaryFigures';
import { usePeriodChoice } from './use-period-choice';

/** A period's figures: the summary, the roll-up by group and agency, charts, and the report's files, draft or issued. */
export function ReportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const choice = usePeriodChoice();
  const summary = useQuery({ queryKey: ['summary', choice.query], queryFn: () => fetchSummary(choice.query), retry: false });
  const rollup = useQuery({ queryKey: ['rollup', choice.query], queryFn: () => fetchRollup(choice.query), retry: false });
  const search = new URLSearchParams({ period: choice.period, calendar: choice.calendar, ...(choice.directiveId ? { directive: choice.directiveId } : {}) });

  return (
    <>
      <PageHeader
        title={t('nav.reports')}
        extra={
          session.hasRole('monitoring_officer') || session.hasRole('admin') ? (
            <Button type="primary" onClick={() => navigate(`/reports/issue?${search}`)} data-testid="issue-report">
              {t('reports.issueThis')}
            </Button>
          ) : null
        }
      />
      <PeriodPicker choice={choice} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card title={<h2 className="card-title">{t('reports.summary')}</h2>}>
          {summary.isPending ? <Loading /> : null}
          {summary.error ? <QueryError error={summary.error} /> : null}
          {summary.data ? (
            <Row gutter={[24, 24]}>
              <Col xs={24} xl={16}>
                <SummaryFigures summary={summary.data} />
              </Col>
              <Col xs={24} xl={8}>
                <StatusPieChart counts={summary.data.counts} title={t('reports.statusChart')} />
              </Col>
            </Row>
          ) : null}
        </Card>
        <Card title={<h2 className="card-title">{t('reports.rollup')}</h2>}>
          {rollup.isPending ? <Loading /> : null}
          {rollup.error ? <QueryError error={rollup.error} /> : null}
          {rollup.data ? (
            <Tabs
              items={[
                {
                  key: 'groups',
                  label: t('reports.byGroup'),
                  children: (
                    <>
                      <RollupBarChart rows={rollup.data.groups} title={t('reports.byGroup')} />
                      <RollupTable rows={[rollup.data.province, ...rollup.data.groups]} caption={t('reports.byGroup')} testId="rollup-groups" />
                    </>
                  ),
                },
                {
                  key: 'agencies',
                  label: t('reports.byAgency'),
                  children: <RollupTable rows={rollup.data.agencies} caption={t('reports.byAgency')} testId="rollup-agencies" />,
                },
              ]}
            />
          ) : null}
        </Card>
        <Card title={<h2 className="card-title">{t('reports.draftFiles')}</h2>}>
          <p className="muted">{t('reports.draftHelp')}</p>
          <ExportLinks idPrefix="draft" fileStem={`bao-cao-${choice.period}`} urlOf={(format, view) => draftExportUrl(choice.query, format, view)} />
        </Card>
        <Card title={<h2 className="card-title">{t('reports.issued')}</h2>}>
          <IssuedReportsTable />
        </Card>
      </Space>
    </>
  );
}
