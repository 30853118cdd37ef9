import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchRegistryTimeline } from '../../api/registry';
import type { RegistryTimelineAnswer } from '../../api/types';
import { QueryError } from '../../components/QueryError';
import { formatDate, formatDateTime } from '../../logic/dates';
import { ScrollRegion } from '../../components/ScrollRegion';

type Entry = RegistryTimelineAnswer['entries'][number];
const PAGE = 50;

/** Every change of the registry in order: what, when (business date and record time), who, why, on whose authority. */
export function RegistryTimeline() {
  const { t } = useTranslation();
  const [pages, setPages] = useState<number[]>([]);
  const after = pages.at(-1);
  const timeline = useQuery({
    queryKey: ['registry-timeline', after],
    queryFn: () => fetchRegistryTimeline({ after, limit: PAGE }),
    placeholderData: (previous) => previous,
  });
  return (
    <>
      {timeline.error ? <QueryError error={timeline.error} /> : null}
      <ScrollRegion label={t('registry.timeline')}>
        <Table<Entry>
          rowKey="eventId"
          size="small"
          loading={timeline.isFetching}
          dataSource={timeline.data?.entries ?? []}
          pagination={false}
          caption={<span className="visually-hidden">{t('registry.timeline')}</span>}
          data-testid="registry-timeline"
          columns={[
            { key: 'revision', title: '#', dataIndex: 'revision', align: 'right' },
            {
              key: 'type',
              title: t('registry.change'),
              render: (_, e) => t(`registry.events.${e.type.replace('registry.', '')}`, { defaultValue: e.type }),
            },
            { key: 'subject', title: t('registry.subject'), render: (_, e) => String(e.data.agencyId ?? e.data.groupId ?? '') },
            { key: 'occurredAt', title: t('registry.effectiveOn'), render: (_, e) => formatDate(e.occurredAt) },
            { key: 'recordedAt', title: t('timeline.recordedAt'), render: (_, e) => formatDateTime(e.recordedAt) },
            { key: 'actor', title: t('timeline.actor'), render: (_, e) => e.actor.userId },
            { key: 'reason', title: t('changes.reason'), dataIndex: 'reason' },
            { key: 'document', title: t('changes.authorizingDocument'), dataIndex: 'authorizingDocument' },
          ]}
        />
      </ScrollRegion>
      <Space style={{ marginTop: 16 }}>
        <Button disabled={!pages.length} onClick={() => setPages((p) => p.slice(0, -1))}>
          {t('common.previous')}
        </Button>
        <Button
          disabled={timeline.data?.next == null}
          onClick={() => timeline.data?.next != null && setPages((p) => [...p, timeline.data!.next!])}
        >
          {t('common.next')}
        </Button>
      </Space>
    </>
  );
}
