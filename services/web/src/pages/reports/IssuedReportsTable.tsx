import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchIssuedReports, issuedExportUrl } from '../../api/reports';
import type { IssuedReportsAnswer } from '../../api/types';
import { QueryError } from '../../components/QueryError';
import { useLanguage } from '../../i18n';
import { formatDate, formatDateTime } from '../../logic/dates';
import { periodLabel } from '../../logic/periods';
import { ExportLinks } from './ExportLinks';
import { ScrollRegion } from '../../components/ScrollRegion';

type Issued = IssuedReportsAnswer['reports'][number];

/** The reports the office issued, newest first, each with its latest revision's files. */
export function IssuedReportsTable() {
  const { t } = useTranslation();
  const language = useLanguage();
  const issued = useQuery({ queryKey: ['issued-reports'], queryFn: fetchIssuedReports });
  if (issued.error) return <QueryError error={issued.error} />;
  return (
    <ScrollRegion label={t('reports.issued')}>
      <Table<Issued>
        rowKey="reportId"
        size="small"
        loading={issued.isPending}
        dataSource={issued.data?.reports ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        caption={<span className="visually-hidden">{t('reports.issued')}</span>}
        data-testid="issued-reports"
        columns={[
          { key: 'number', title: t('reports.number'), render: (_, r) => r.latest.number },
          { key: 'date', title: t('reports.date'), render: (_, r) => formatDate(r.latest.date) },
          { key: 'period', title: t('reports.period'), render: (_, r) => `${periodLabel(r.period)[language]} (${t(`reports.calendars.${r.calendar}`)})` },
          { key: 'revision', title: t('reports.revision'), render: (_, r) => `${r.latest.revision}${r.latest.reason ? ` — ${r.latest.reason}` : ''}` },
          { key: 'recordedAt', title: t('reports.recordedAt'), render: (_, r) => formatDateTime(r.latest.recordedAt) },
          {
            key: 'files',
            title: t('reports.files'),
            render: (_, r) => (
              <ExportLinks idPrefix={`issued-${r.reportId.replace(/[^a-zA-Z0-9-]/g, '-')}`} fileStem={r.reportId.replace(/[^a-zA-Z0-9-]/g, '-')} urlOf={(format, view) => issuedExportUrl(r.reportId, format, view)} />
            ),
          },
        ]}
      />
    </ScrollRegion>
  );
}
