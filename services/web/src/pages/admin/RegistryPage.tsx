import { Form, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { BusinessDatePicker } from '../../forms/BusinessDatePicker';
import { isoDate, pickerDate } from '../../forms/dates';
import { useSearchState } from '../../hooks/useSearchState';
import { RegistryAgencies } from './RegistryAgencies';
import { RegistryGroups } from './RegistryGroups';
import { RegistryTimeline } from './RegistryTimeline';

/** The registry: its agencies and groups as of a date, and its timeline of changes. */
export function RegistryPage() {
  const { t } = useTranslation();
  const [{ asOf }, set] = useSearchState(['asOf'] as const);
  return (
    <>
      <PageHeader title={t('nav.registry')} />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('registry.asOf')} htmlFor="registry-as-of" extra={t('registry.asOfHelp')}>
          <BusinessDatePicker id="registry-as-of" future value={pickerDate(asOf)} onChange={(day) => set({ asOf: isoDate(day) })} />
        </Form.Item>
      </Form>
      <Tabs
        items={[
          { key: 'agencies', label: t('registry.agencies'), children: <RegistryAgencies asOf={asOf ?? undefined} /> },
          { key: 'groups', label: t('registry.groups'), children: <RegistryGroups asOf={asOf ?? undefined} /> },
          { key: 'timeline', label: t('registry.timeline'), children: <RegistryTimeline /> },
        ]}
      />
    </>
  );
}
