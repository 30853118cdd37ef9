import { Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryAnswer } from '../../api/types';
import { QueryError } from '../../components/QueryError';
import { useRegistry } from '../../hooks/useRegistry';
import { formatDate } from '../../logic/dates';
import { ScrollRegion } from '../../components/ScrollRegion';

type Agency = RegistryAnswer['agencies'][number];

/** Every agency (valid on the date, when one is chosen): names, kind, parent, groups, validity, successors. */
export function RegistryAgencies({ asOf }: { asOf?: string }) {
  const { t } = useTranslation();
  const registry = useRegistry(asOf);
  const [search, setSearch] = useState('');
  const needle = search.trim().toLocaleLowerCase('vi');
  const rows = (registry.data?.agencies ?? []).filter(
    (a) => !needle || `${a.id} ${a.name} ${a.aliases.join(' ')}`.toLocaleLowerCase('vi').includes(needle),
  );
  const groupName = (id: string) => registry.data?.groups.find((g) => g.id === id)?.name ?? id;
  return (
    <>
      {registry.error ? <QueryError error={registry.error} /> : null}
      <Input.Search
        aria-label={t('registry.search')}
        placeholder={t('registry.search')}
        allowClear
        onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: 420, marginBottom: 16 }}
      />
      <ScrollRegion label={t('registry.agencies')}>
        <Table<Agency>
          rowKey="id"
          size="small"
          loading={registry.isPending}
          dataSource={rows}
          pagination={{ pageSize: 25, showSizeChanger: false }}
          caption={<span className="visually-hidden">{t('registry.agencies')}</span>}
          data-testid="registry-agencies"
          columns={[
            { key: 'name', title: t('registry.name'), dataIndex: 'name' },
            { key: 'id', title: t('registry.id'), render: (_, a) => <code>{a.id}</code> },
            { key: 'kind', title: t('registry.kind'), render: (_, a) => t(`registry.kinds.${a.kind}`, { defaultValue: a.kind }) },
            { key: 'groups', title: t('registry.groups'), render: (_, a) => a.groups.map(groupName).join('; ') || '—' },
            { key: 'validFrom', title: t('registry.validFrom'), render: (_, a) => formatDate(a.validFrom) },
            { key: 'validTo', title: t('registry.validTo'), render: (_, a) => formatDate(a.validTo) },
            {
              key: 'successors',
              title: t('registry.successors'),
              render: (_, a) => a.successors.map((s) => (s.duties ? `${s.agencyId} (${s.duties})` : s.agencyId)).join('; ') || '—',
            },
          ]}
        />
      </ScrollRegion>
    </>
  );
}
