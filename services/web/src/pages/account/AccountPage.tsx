import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchAccount } from '../../api/accounts';
import { useSession } from '../../auth/session-context';
import { PageHeader } from '../../components/PageHeader';
import { useAgencyName } from '../../hooks/useRegistry';
import { formatDateTime } from '../../logic/dates';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Who I am here, and my password. */
export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  const agencyName = useAgencyName();
  const account = useQuery({ queryKey: ['account', session.username], queryFn: () => fetchAccount(session.username), retry: false });
  return (
    <>
      <PageHeader title={t('account.title')} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'username', label: t('accounts.username'), children: session.username },
              { key: 'displayName', label: t('accounts.displayName'), children: session.displayName },
              { key: 'agency', label: t('accounts.agency'), children: session.agencyId ? agencyName(session.agencyId) : '—' },
              { key: 'roles', label: t('accounts.roles'), children: session.roles.map((r) => t(`roles.user.${r}`)).join(', ') },
              { key: 'via', label: t('account.via'), children: t(`account.vias.${session.via}`) },
              ...(account.data
                ? [{ key: 'passwordSetAt', label: t('account.passwordSetAt'), children: formatDateTime(account.data.passwordSetAt) }]
                : []),
            ]}
          />
        </Card>
        {account.data?.source === 'local' ? (
          <Card title={<h2 className="card-title">{t('account.changePassword')}</h2>}>
            <ChangePasswordForm username={session.username} />
          </Card>
        ) : null}
      </Space>
    </>
  );
}
