import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchRebuild, startRebuild } from '../../api/audit';
import { ApiError } from '../../api/errors';
import { useSession } from '../../auth/session-context';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { ToneTag } from '../../components/ToneTag';
import { formatDateTime } from '../../logic/dates';
import { useToast } from '../../components/Toasts';

const TONE = { replaying: 'blue', switched: 'green', failed: 'red' } as const;

/** The generation of the read models served, and the last rebuild (followed while it replays); an admin starts one. */
export function RebuildPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const session = useSession();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: ['rebuild'],
    queryFn: fetchRebuild,
    refetchInterval: (query) => (query.state.data?.rebuild?.state === 'replaying' ? 2000 : false),
  });
  const rebuild = status.data?.rebuild;
  const start = async () => {
    try {
      queryClient.setQueryData(['rebuild'], await startRebuild());
    } catch (error) {
      toast.error(error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : t('connection.failed'));
    }
  };
  return (
    <>
      <PageHeader
        title={t('nav.rebuild')}
        extra={
          session.hasRole('admin') ? (
            <Popconfirm
              title={t('rebuild.confirm')}
              onConfirm={() => void start()}
              okText={t('rebuild.start')}
              cancelText={t('common.cancel')}
            >
              <Button type="primary" disabled={rebuild?.state === 'replaying'} data-testid="rebuild-start">
                {t('rebuild.start')}
              </Button>
            </Popconfirm>
          ) : null
        }
      />
      {status.error ? <QueryError error={status.error} /> : null}
      <Card>
        <Descriptions
          bordered
          size="small"
          column={1}
          data-testid="rebuild-status"
          items={[
            { key: 'served', label: t('rebuild.served'), children: status.data?.servedGeneration ?? '—' },
            ...(rebuild
              ? [
                  { key: 'generation', label: t('rebuild.generation'), children: rebuild.generation },
                  {
                    key: 'state',
                    label: t('rebuild.state'),
                    children: <ToneTag tone={TONE[rebuild.state]}>{t(`rebuild.states.${rebuild.state}`)}</ToneTag>,
                  },
                  { key: 'startedAt', label: t('rebuild.startedAt'), children: formatDateTime(rebuild.startedAt) },
                  { key: 'lag', label: t('rebuild.lag'), children: rebuild.lag ?? '—' },
                  ...(rebuild.switchedAt
                    ? [{ key: 'switchedAt', label: t('rebuild.switchedAt'), children: formatDateTime(rebuild.switchedAt) }]
                    : []),
                  ...(rebuild.error ? [{ key: 'error', label: t('rebuild.error'), children: rebuild.error }] : []),
                ]
              : [{ key: 'none', label: t('rebuild.last'), children: t('rebuild.none') }]),
          ]}
        />
      </Card>
    </>
  );
}
