import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchCheckpoints, fetchVerify } from '../../api/audit';
import type { CheckpointsAnswer, VerifyAnswer } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { ToneTag } from '../../components/ToneTag';
import { formatDateTime } from '../../logic/dates';

type Checkpoint = CheckpointsAnswer['checkpoints'][number];
type Store = VerifyAnswer['stores'][number];

/** The latest checkpoint of each store, newest first. */
const latestByStore = (checkpoints: Checkpoint[]) =>
  [...new Map([...checkpoints].sort((a, b) => a.time.localeCompare(b.time)).map((c) => [c.store, c])).values()].sort((a, b) =>
    b.time.localeCompare(a.time),
  );

/** Whether the audit trail holds: every store's chain, hashes, Merkle log and checkpoints verified; and the last checkpoints. */
export function VerifyPage() {
  const { t } = useTranslation();
  const checkpoints = useQuery({ queryKey: ['checkpoints'], queryFn: fetchCheckpoints });
  const verify = useQuery({ queryKey: ['verify'], queryFn: fetchVerify, enabled: false, retry: false });
  const result = verify.data;
  return (
    <>
      <PageHeader title={t('nav.verify')} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card title={<h2 className="card-title">{t('verify.title')}</h2>}>
          <p>{t('verify.help')}</p>
          <Button type="primary" onClick={() => void verify.refetch()} loading={verify.isFetching} data-testid="verify-run">
            {t('verify.run')}
          </Button>
          {verify.error ? <QueryError error={verify.error} /> : null}
          {result ? (
            <div style={{ marginTop: 16 }} data-testid="verify-result">
              <Alert
                type={result.ok ? 'success' : 'error'}
                showIcon
                title={result.ok ? t('verify.ok') : t('verify.fault')}
                description={
                  result.firstFault
                    ? `${result.firstFault.store}: ${result.firstFault.message}`
                    : t('verify.checkedAt', { time: formatDateTime(result.startedAt), seconds: result.seconds.toFixed(1) })
                }
              />
              <Table<Store>
                style={{ marginTop: 16 }}
                size="small"
                rowKey="store"
                pagination={false}
                dataSource={result.stores}
                caption={<span className="visually-hidden">{t('verify.stores')}</span>}
                columns={[
                  { key: 'store', title: t('verify.store'), dataIndex: 'store' },
                  {
                    key: 'ok',
                    title: t('verify.state'),
                    render: (_, s) => (
                      <ToneTag tone={s.ok ? 'green' : 'red'}>{s.ok ? t('verify.storeOk') : t('verify.storeFault')}</ToneTag>
                    ),
                  },
                  { key: 'events', title: t('verify.events'), dataIndex: 'events', align: 'right' },
                  { key: 'treeSize', title: t('verify.treeSize'), dataIndex: 'treeSize', align: 'right' },
                  { key: 'root', title: t('verify.rootHash'), render: (_, s) => <span className="sha256">{s.rootHash}</span> },
                ]}
              />
            </div>
          ) : null}
        </Card>
        <Card title={<h2 className="card-title">{t('verify.checkpoints')}</h2>}>
          {checkpoints.error ? <QueryError error={checkpoints.error} /> : null}
          <Table<Checkpoint>
            size="small"
            rowKey={(c) => `${c.store}-${c.treeSize}-${c.time}`}
            loading={checkpoints.isPending}
            pagination={false}
            dataSource={latestByStore(checkpoints.data?.checkpoints ?? [])}
            caption={<span className="visually-hidden">{t('verify.checkpoints')}</span>}
            data-testid="checkpoints"
            columns={[
              { key: 'store', title: t('verify.store'), dataIndex: 'store' },
              { key: 'time', title: t('verify.time'), render: (_, c) => formatDateTime(c.time) },
              { key: 'treeSize', title: t('verify.treeSize'), dataIndex: 'treeSize', align: 'right' },
              { key: 'reason', title: t('verify.reason'), render: (_, c) => c.reason ?? '—' },
              { key: 'root', title: t('verify.rootHash'), render: (_, c) => <span className="sha256">{c.rootHash}</span> },
              { key: 'key', title: t('verify.keyId'), dataIndex: 'keyId' },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
