import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { fetchDirective, fetchDirectives } from '../../api/directives';
import { BusinessDatePicker } from '../../forms/BusinessDatePicker';
import { DATE_TIME_FORMAT, isoDate, pickerDate } from '../../forms/dates';
import { useAgencyName } from '../../hooks/useRegistry';
import { compareTaskNumbers } from '../../logic/assignments';
import type { HistoryChoice } from './use-history-choice';

/** Which directive, task and agency; as of which business date; as known at which record time. */
export function HistoryPickers({ choice }: { choice: HistoryChoice }) {
  const { t } = useTranslation();
  const agencyName = useAgencyName();
  const { values, set } = choice;
  const directives = useQuery({ queryKey: ['directives'], queryFn: fetchDirectives });
  const lead = useQuery({
    queryKey: ['directive', values.directive, { role: 'lead' }],
    queryFn: () => fetchDirective(values.directive!, { role: 'lead' }),
    enabled: !!values.directive,
  });
  const coordinating = useQuery({
    queryKey: ['directive', values.directive, { role: 'coordinating' }],
    queryFn: () => fetchDirective(values.directive!, { role: 'coordinating' }),
    enabled: !!values.directive,
  });
  const holders = [...(lead.data?.assignments ?? []), ...(coordinating.data?.assignments ?? [])].filter(
    (a) => a.taskNumber === values.task,
  );
  const knownAt = values.knownAt ? dayjs(values.knownAt) : null;

  return (
    <Form layout="vertical" data-testid="history-pickers">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', columnGap: 16 }}>
        <Form.Item label={t('history.directive')} htmlFor="history-directive">
          <Select
            id="history-directive"
            showSearch={{ optionFilterProp: 'label' }}
            value={values.directive ?? undefined}
            onChange={(directive) => set({ directive, task: null, assignment: null })}
            options={(directives.data?.directives ?? []).map((d) => ({ value: d.id, label: `${d.number} — ${d.subject}` }))}
          />
        </Form.Item>
        <Form.Item label={t('history.task')} htmlFor="history-task">
          <Select
            id="history-task"
            value={values.task ?? undefined}
            disabled={!lead.data}
            onChange={(task) => set({ task, assignment: null })}
            options={[...(lead.data?.tasks ?? [])]
              .sort((a, b) => compareTaskNumbers(a.number, b.number))
              .map((task) => ({ value: task.number, label: t('assignment.taskNumber', { number: task.number }) }))}
          />
        </Form.Item>
        <Form.Item label={t('history.agency')} htmlFor="history-agency" extra={t('history.agencyHelp')}>
          <Select
            id="history-agency"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={values.assignment ?? undefined}
            disabled={!values.task}
            onChange={(assignment) => set({ assignment })}
            options={holders.map((a) => ({ value: a.id, label: `${agencyName(a.agencyId)} (${t(`roles.assignment.${a.role}`)})` }))}
          />
        </Form.Item>
        <Form.Item label={t('history.asOf')} htmlFor="history-as-of" extra={t('history.asOfHelp')}>
          <BusinessDatePicker id="history-as-of" future value={pickerDate(values.asOf)} onChange={(day) => set({ asOf: isoDate(day) })} />
        </Form.Item>
        <Form.Item label={t('history.knownAt')} htmlFor="history-known-at" extra={t('history.knownAtHelp')}>
          <DatePicker
            id="history-known-at"
            showTime={{ format: 'HH:mm' }}
            format={DATE_TIME_FORMAT}
            style={{ width: '100%' }}
            value={knownAt}
            onChange={(day) => set({ knownAt: day ? day.format('YYYY-MM-DDTHH:mm:00Z') : null })}
          />
        </Form.Item>
      </div>
    </Form>
  );
}
