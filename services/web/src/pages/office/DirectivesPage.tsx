import { useQuery } from '@tanstack/react-query';
import { Button, Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { fetchDirectives } from '../../api/directives';
import type { DirectiveListAnswer } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useAgencyName } from '../../hooks/useRegistry';
import { formatDate } from '../../logic/dates';
import { ScrollRegion } from '../../components/ScrollRegion';

type Row = DirectiveListAnswer['directives'][number];

/** The directives the reader may read, newest first. */
export function DirectivesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const agencyName = useAgencyName();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const directives = useQuery({ queryKey: ['directives'], queryFn: fetchDirectives });
  const needle = search.trim().toLocaleLowerCase('vi');
  const rows = (directives.data?.directives ?? [])
    .filter((d) => !needle || `${d.number} ${d.subject}`.toLocaleLowerCase('vi').includes(needle))
    .sort((a, b) => b.issuedOn.localeCompare(a.issuedOn));
  return (
    <>
      <PageHeader
        title={t('nav.directives')}
        extra={
          session.hasRole('monitoring_officer') ? (
            <Button type="primary" onClick={() => navigate('/directives/new')}>
              {t('nav.issueDirective')}
            </Button>
          ) : null
        }
      />
      {directives.error ? <QueryError error={directives.error} /> : null}
      <Input.Search
        aria-label={t('directives.search')}
        placeholder={t('directives.search')}
        allowClear
        onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: 420, marginBottom: 16 }}
      />
      <ScrollRegion label={t('nav.directives')}>
        <Table<Row>
          rowKey="id"
          loading={directives.isPending}
          dataSource={rows}
          caption={<span className="visually-hidden">{t('nav.directives')}</span>}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          data-testid="directives"
          columns={[
            {
              key: 'number',
              title: t('directive.number'),
              render: (_, d) => (
                <Link to={`/directives/${d.id}`} data-testid="directive-link">
                  {d.number}
                </Link>
              ),
            },
            { key: 'issuedOn', title: t('directive.issuedOn'), render: (_, d) => formatDate(d.issuedOn) },
            { key: 'subject', title: t('directive.subject'), dataIndex: 'subject', width: 480 },
            { key: 'issuer', title: t('directive.issuer'), render: (_, d) => agencyName(d.issuer) },
            { key: 'monitoring', title: t('directive.monitoringAgency'), render: (_, d) => agencyName(d.monitoringAgency) },
            { key: 'tasks', title: t('directive.tasks'), dataIndex: 'taskCount', align: 'right' },
            { key: 'assignments', title: t('directive.assignments'), dataIndex: 'assignmentCount', align: 'right' },
          ]}
        />
      </ScrollRegion>
    </>
  );
}
