import { REVIEW_FLAGS } from '@dm/contracts/web';
import { useQuery } from '@tanstack/react-query';
import { Card, Form, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchAnnualReview } from '../../api/audit';
import { urlOf } from '../../api/http';
import type { AnnualReviewAnswer } from '../../api/types';
import { DownloadLink } from '../../components/DownloadLink';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useAgencyName, useRegistry } from '../../hooks/useRegistry';
import { useSearchState } from '../../hooks/useSearchState';
import { useLanguage } from '../../i18n';
import { formatRate } from '../../logic/chart-data';
import { todayInVietnam } from '../../logic/dates';
import { yearChoices } from '../../logic/periods';
import { FlaggedAssignments } from './FlaggedAssignments';
import { ScrollRegion } from '../../components/ScrollRegion';

type Review = AnnualReviewAnswer['reviews'][number];

/** The yearly review of each agency (kiểm điểm): its assignments of the year, what went wrong, the rates. */
export function AnnualReviewPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const agencyName = useAgencyName();
  const registry = useRegistry();
  const currentYear = Number(todayInVietnam().slice(0, 4));
  const [values, set] = useSearchState(['year', 'agency'] as const);
  const year = Number(values.year ?? currentYear - 1);
  const agencyId = values.agency ?? undefined;
  const review = useQuery({
    queryKey: ['annual-review', year, agencyId],
    queryFn: () => fetchAnnualReview({ year, agencyId }),
    retry: false,
  });
  const rate = (row: Review, name: string) => {
    const found = row.rates.find((r) => r.name === name);
    return found ? formatRate(found, language) : '—';
  };
  return (
    <>
      <PageHeader
        title={t('nav.annualReview')}
        extra={
          <DownloadLink
            href={urlOf('/api/v1/reports/annual-review/export', { year, agencyId, format: 'csv' })}
            fileName={`kiem-diem-${year}${agencyId ? `-${agencyId}` : ''}.csv`}
            testId="annual-review-csv"
          >
            {t('review.downloadCsv')}
          </DownloadLink>
        }
      />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('reports.year')} htmlFor="review-year">
          <Select
            id="review-year"
            style={{ width: 110 }}
            value={year}
            onChange={(y: number) => set({ year: String(y) })}
            options={yearChoices(2016, currentYear).map((y) => ({ value: y, label: String(y) }))}
          />
        </Form.Item>
        <Form.Item label={t('assignment.agency')} htmlFor="review-agency">
          <Select
            id="review-agency"
            style={{ width: 320 }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('review.allAgencies')}
            value={agencyId}
            onChange={(agency) => set({ agency })}
            options={(registry.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
        </Form.Item>
      </Form>
      {review.error ? <QueryError error={review.error} /> : null}
      <Card>
        <ScrollRegion label={t('nav.annualReview')}>
          <Table<Review>
            rowKey="agencyId"
            size="small"
            loading={review.isPending}
            dataSource={review.data?.reviews ?? []}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            caption={<span className="visually-hidden">{t('nav.annualReview')}</span>}
            data-testid="annual-review"
            expandable={{
              rowExpandable: (row) => row.flagged.length > 0,
              expandedRowRender: (row) => <FlaggedAssignments flagged={row.flagged} />,
            }}
            columns={[
              { key: 'agency', title: t('assignment.agency'), render: (_, row) => agencyName(row.agencyId) },
              { key: 'assignments', title: t('review.assignments'), align: 'right', render: (_, row) => row.counts.assignments },
              ...REVIEW_FLAGS.map((flag) => ({
                key: flag,
                title: t(`review.flags.${flag}`),
                align: 'right' as const,
                render: (_: unknown, row: Review) => row.counts[flag],
              })),
              { key: 'completedDue', title: t('reports.short.completedDue'), render: (_, row) => rate(row, 'completed/due') },
              { key: 'onTime', title: t('review.onTimeRate'), render: (_, row) => rate(row, 'completedOnTime/completed') },
            ]}
          />
        </ScrollRegion>
      </Card>
    </>
  );
}
