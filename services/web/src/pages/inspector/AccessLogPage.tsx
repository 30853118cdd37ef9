import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAccessLog, type AccessLogQuery } from '../../api/audit';
import type { AccessLogAnswer } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { ToneTag } from '../../components/ToneTag';
import { useAgencyName } from '../../hooks/useRegistry';
import { formatDateTime } from '../../logic/dates';
import { ScrollRegion } from '../../components/ScrollRegion';

type Entry = AccessLogAnswer['entries'][number];
const PAGE = 50;

/** Every signed-in read of a report or inspection route, oldest first, chained by hash; filtered by user or route, paged. */
export function AccessLogPage() {
  const { t } = useTranslation();
  const agencyName = useAgencyName();
  const [filter, setFilter] = useState<Pick<AccessLogQuery, 'userId' | 'route'>>({});
  const [pages, setPages] = useState<number[]>([]);
  const after = pages.at(-1);
  const log = useQuery({
    queryKey: ['access-log', filter, after],
    queryFn: () => fetchAccessLog({ ...filter, after, limit: PAGE }),
    placeholderData: (previous) => previous,
  });
  return (
    <>
      <PageHeader title={t('nav.accessLog')} />
      <Form
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values: { userId?: string; route?: string }) => {
          setFilter({ userId: values.userId?.trim() || undefined, route: values.route?.trim() || undefined });
          setPages([]);
        }}
      >
        <Form.Item label={t('accessLog.user')} name="userId">
          <Input />
        </Form.Item>
        <Form.Item label={t('accessLog.route')} name="route" extra={t('accessLog.routeHelp')}>
          <Input style={{ width: 300 }} />
        </Form.Item>
        <Button htmlType="submit">{t('common.filter')}</Button>
      </Form>
      {log.error ? <QueryError error={log.error} /> : null}
      <ScrollRegion label={t('nav.accessLog')}>
        <Table<Entry>
          rowKey="position"
          size="small"
          loading={log.isFetching}
          dataSource={log.data?.entries ?? []}
          pagination={false}
          caption={<span className="visually-hidden">{t('nav.accessLog')}</span>}
          data-testid="access-log"
          columns={[
            { key: 'at', title: t('accessLog.at'), render: (_, e) => formatDateTime(e.at) },
            { key: 'user', title: t('accessLog.user'), dataIndex: 'userId' },
            { key: 'role', title: t('accessLog.role'), render: (_, e) => t(`roles.user.${e.role}`, { defaultValue: e.role }) },
            { key: 'agency', title: t('assignment.agency'), render: (_, e) => (e.agencyId ? agencyName(e.agencyId) : '—') },
            { key: 'route', title: t('accessLog.route'), dataIndex: 'route' },
            {
              key: 'query',
              title: t('accessLog.query'),
              render: (_, e) => (
                <code>{[...Object.entries(e.params), ...Object.entries(e.query)].map(([k, v]) => `${k}=${String(v)}`).join(' ')}</code>
              ),
            },
            {
              key: 'status',
              title: t('accessLog.status'),
              render: (_, e) => <ToneTag tone={e.status < 400 ? 'green' : 'red'}>{e.status}</ToneTag>,
            },
          ]}
        />
      </ScrollRegion>
      <Space style={{ marginTop: 16 }}>
        <Button disabled={!pages.length} onClick={() => setPages((p) => p.slice(0, -1))}>
          {t('common.previous')}
        </Button>
        <Button disabled={log.data?.next == null} onClick={() => log.data?.next != null && setPages((p) => [...p, log.data!.next!])}>
          {t('common.next')}
        </Button>
      </Space>
    </>
  );
}
