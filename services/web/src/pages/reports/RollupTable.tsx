import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RollupAnswer } from '../../api/types';
import { useLanguage } from '../../i18n';
import { formatRate } from '../../logic/chart-data';
import { ScrollRegion } from '../../components/ScrollRegion';

type Row = RollupAnswer['groups'][number];

const rateOf = (row: Row, name: string) => row.rates.find((r) => r.name === name);

/** The roll-up's rows (groups or agencies) with their counts and the rates that set them apart. */
export function RollupTable({ rows, caption, testId }: { rows: Row[]; caption: string; testId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rate = (name: string) => (_: unknown, row: Row) => {
    const found = rateOf(row, name);
    return found ? formatRate(found, language) : '—';
  };
  return (
    <ScrollRegion label={caption}>
      <Table<Row>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 15, showSizeChanger: false, hideOnSinglePage: true }}
        caption={<strong>{caption}</strong>}
        data-testid={testId}
        columns={[
          { key: 'name', title: t('reports.name'), dataIndex: 'name' },
          { key: 'total', title: t('reports.total'), align: 'right', render: (_, row) => row.counts.total },
          { key: 'onTime', title: t('reports.short.completedOnTime'), align: 'right', render: (_, row) => row.counts.completedOnTime },
          { key: 'late', title: t('reports.short.completedLate'), align: 'right', render: (_, row) => row.counts.completedLate },
          { key: 'inProgress', title: t('reports.short.inProgressWithinDeadline'), align: 'right', render: (_, row) => row.counts.inProgressWithinDeadline },
          { key: 'overdue', title: t('reports.short.overdue'), align: 'right', render: (_, row) => row.counts.overdue },
          { key: 'noDeadline', title: t('reports.short.noDeadline'), align: 'right', render: (_, row) => row.counts.noDeadline },
          { key: 'completedDue', title: t('reports.short.completedDue'), render: rate('completed/due') },
          { key: 'completedAssigned', title: t('reports.short.completedAssigned'), render: rate('completed/assigned') },
          { key: 'requests', title: t('reports.short.requests'), align: 'right', render: (_, row) => row.requests.counts.total },
        ]}
      />
    </ScrollRegion>
  );
}
