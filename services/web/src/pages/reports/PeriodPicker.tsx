import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchDirectives } from '../../api/directives';
import { useLanguage } from '../../i18n';
import { formatDate, todayInVietnam } from '../../logic/dates';
import { fetchSummary } from '../../api/reports';
import { periodChoices, yearChoices } from '../../logic/periods';
import type { usePeriodChoice } from './use-period-choice';

const FIRST_YEAR = 2016;

/** Which period, on which calendar (Decree 09's cut-offs or the natural one), of which directive; and the window it covers. */
export function PeriodPicker({ choice }: { choice: ReturnType<typeof usePeriodChoice> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const directives = useQuery({ queryKey: ['directives'], queryFn: fetchDirectives });
  const year = Number(choice.period.slice(0, 4));
  // The window as the server cuts it (the same query as the reports page's summary, so asked once).
  const window = useQuery({ queryKey: ['summary', choice.query], queryFn: () => fetchSummary(choice.query), retry: false }).data;
  const currentYear = Number(todayInVietnam().slice(0, 4));
  return (
    <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }} data-testid="period-picker">
      <Form.Item label={t('reports.calendar')} htmlFor="report-calendar">
        <Select
          id="report-calendar"
          style={{ width: 290 }}
          value={choice.calendar}
          onChange={(calendar) => choice.set({ calendar: calendar === 'decree09' ? null : calendar })}
          options={[
            { value: 'decree09', label: t('reports.calendars.decree09') },
            { value: 'calendar', label: t('reports.calendars.calendar') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('reports.year')} htmlFor="report-year">
        <Select
          id="report-year"
          style={{ width: 110 }}
          value={year}
          onChange={(y: number) => choice.set({ period: `${y}${choice.period.slice(4)}` })}
          options={yearChoices(FIRST_YEAR, currentYear).map((y) => ({ value: y, label: String(y) }))}
        />
      </Form.Item>
      <Form.Item label={t('reports.period')} htmlFor="report-period">
        <Select
          id="report-period"
          style={{ width: 220 }}
          value={choice.period}
          onChange={(period) => choice.set({ period })}
          options={periodChoices(year).map((c) => ({ value: c.value, label: c.label[language] }))}
          data-testid="period-select"
        />
      </Form.Item>
      <Form.Item label={t('reports.directive')} htmlFor="report-directive">
        <Select
          id="report-directive"
          style={{ width: 260 }}
          allowClear
          placeholder={t('reports.allDirectives')}
          value={choice.directiveId}
          onChange={(directive) => choice.set({ directive })}
          options={(directives.data?.directives ?? []).map((d) => ({ value: d.id, label: d.number }))}
        />
      </Form.Item>
      {window ? (
        <p style={{ margin: '4px 0' }} data-testid="period-window">
          {t('reports.window', { from: formatDate(window.from), to: formatDate(window.to) })}
        </p>
      ) : null}
    </Form>
  );
}
