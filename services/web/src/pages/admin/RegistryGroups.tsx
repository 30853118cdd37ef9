import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchGroup } from '../../api/registry';
import type { RegistryAnswer } from '../../api/types';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { useRegistry } from '../../hooks/useRegistry';
import { formatDate, todayInVietnam } from '../../logic/dates';

type Group = RegistryAnswer['groups'][number];

function GroupMembers({ id, asOf }: { id: string; asOf: string }) {
  const { t } = useTranslation();
  const group = useQuery({ queryKey: ['group', id, asOf], queryFn: () => fetchGroup(id, asOf), retry: false });
  if (group.isPending) return <Loading />;
  if (group.error) return <QueryError error={group.error} />;
  return (
    <div>
      <p>{t('registry.membersOn', { count: group.data.members.length, date: formatDate(group.data.asOf) })}</p>
      <ol style={{ columns: 2, margin: 0 }}>
        {group.data.members.map((m) => (
          <li key={m.id}>{m.name}</li>
        ))}
      </ol>
    </div>
  );
}

/** The groups, each with its members on the date (today by default), as a directive addressing it would reach them. */
export function RegistryGroups({ asOf }: { asOf?: string }) {
  const { t } = useTranslation();
  const registry = useRegistry(asOf);
  const on = asOf ?? todayInVietnam();
  return (
    <>
      {registry.error ? <QueryError error={registry.error} /> : null}
      <Table<Group>
        rowKey="id"
        size="small"
        loading={registry.isPending}
        dataSource={registry.data?.groups ?? []}
        pagination={false}
        caption={<span className="visually-hidden">{t('registry.groups')}</span>}
        data-testid="registry-groups"
        expandable={{
          expandedRowRender: (g) => <GroupMembers id={g.id} asOf={on} />,
          rowExpandable: (g) => g.validFrom <= on && (!g.validTo || g.validTo >= on),
        }}
        columns={[
          { key: 'name', title: t('registry.name'), dataIndex: 'name' },
          { key: 'id', title: t('registry.id'), render: (_, g) => <code>{g.id}</code> },
          { key: 'validFrom', title: t('registry.validFrom'), render: (_, g) => formatDate(g.validFrom) },
          { key: 'validTo', title: t('registry.validTo'), render: (_, g) => formatDate(g.validTo) },
        ]}
      />
    </>
  );
}
