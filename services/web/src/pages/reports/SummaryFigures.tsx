import { OFFICIAL_STATUSES } from '@dm/contracts/web';
import { Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SummaryAnswer } from '../../api/types';
import { useLanguage } from '../../i18n';
import { formatRate } from '../../logic/chart-data';
import { STATUS_LOOKS } from '../../logic/status';

type Rate = SummaryAnswer['rates'][number];

/** The period's official counts and rates, each rate naming what it divides by what. */
export function SummaryFigures({ summary }: { summary: SummaryAnswer }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <Row gutter={[16, 16]} data-testid="summary-figures">
        <Col xs={12} md={8} lg={4}>
          <Statistic title={t('reports.total')} value={summary.counts.total} />
        </Col>
        {OFFICIAL_STATUSES.map((status) => (
          <Col xs={12} md={8} lg={4} key={status}>
            <Statistic title={STATUS_LOOKS[status].label[language]} value={summary.counts[status]} styles={{ content: { color: STATUS_LOOKS[status].text } }} />
          </Col>
        ))}
      </Row>
      <Table<Rate>
        style={{ marginTop: 16 }}
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={summary.rates}
        caption={<strong>{t('reports.rates')}</strong>}
        columns={[
          { key: 'label', title: t('reports.rate'), render: (_, rate) => (language === 'vi' ? rate.label : t(`rates.${rate.name}`, { defaultValue: rate.label })) },
          { key: 'value', title: t('reports.value'), render: (_, rate) => formatRate(rate, language) },
        ]}
      />
    </>
  );
}
