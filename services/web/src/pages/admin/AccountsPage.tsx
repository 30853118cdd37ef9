import type { Account } from '@dm/contracts/web';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context';
import { enableAccount, fetchAccounts, type IssuedToken } from '../../api/accounts';
import { ApiError } from '../../api/errors';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { ToneTag } from '../../components/ToneTag';
import { useAgencyName } from '../../hooks/useRegistry';
import { formatDateTime } from '../../logic/dates';
import { newIdempotencyKey } from '../../logic/idempotency';
import { ChangeAccountForm } from './ChangeAccountForm';
import { CreateAccountForm } from './CreateAccountForm';
import { DisableAccountForm, IssueTokenForm, ResetPasswordForm } from './SmallAccountForms';
import { TokenShown } from './TokenShown';
import { useToast } from '../../components/Toasts';
import { ScrollRegion } from '../../components/ScrollRegion';

type Dialog = { kind: 'create' } | { kind: 'change' | 'password' | 'disable' | 'token'; account: Account } | null;

/** The accounts: create, change, reset a password, disable or enable, issue an API token. */
export function AccountsPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const agencyName = useAgencyName();
  const session = useSession();
  const accounts = useQuery({ queryKey: ['accounts'], queryFn: fetchAccounts });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [token, setToken] = useState<IssuedToken | null>(null);
  const close = () => {
    setDialog(null);
    setToken(null);
  };
  const done = () => {
    close();
    toast.success(t('forms.saved'));
    void queryClient.invalidateQueries({ queryKey: ['accounts'] });
  };
  const enable = async (account: Account) => {
    try {
      await enableAccount(account.username, newIdempotencyKey());
      done();
    } catch (error) {
      toast.error(error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : t('connection.failed'));
    }
  };
  const titles = {
    create: 'accounts.createTitle',
    change: 'accounts.changeTitle',
    password: 'accounts.passwordTitle',
    disable: 'accounts.disableTitle',
    token: 'accounts.tokenTitle',
  };

  return (
    <>
      <PageHeader
        title={t('nav.accounts')}
        extra={
          <Button type="primary" onClick={() => setDialog({ kind: 'create' })} data-testid="create-account">
            {t('accounts.create')}
          </Button>
        }
      />
      {accounts.error ? <QueryError error={accounts.error} /> : null}
      <ScrollRegion label={t('nav.accounts')}>
        <Table<Account>
          rowKey="username"
          size="middle"
          loading={accounts.isPending}
          dataSource={accounts.data?.accounts ?? []}
          pagination={{ pageSize: 25, showSizeChanger: false, hideOnSinglePage: true }}
          caption={<span className="visually-hidden">{t('nav.accounts')}</span>}
          data-testid="accounts"
          columns={[
            { key: 'username', title: t('accounts.username'), dataIndex: 'username' },
            { key: 'displayName', title: t('accounts.displayName'), dataIndex: 'displayName' },
            { key: 'agency', title: t('accounts.agency'), render: (_, a) => (a.agencyId ? agencyName(a.agencyId) : '—') },
            { key: 'roles', title: t('accounts.roles'), render: (_, a) => a.roles.map((r) => t(`roles.user.${r}`)).join(', ') },
            { key: 'source', title: t('accounts.source'), render: (_, a) => t(`accounts.sources.${a.source}`) },
            {
              key: 'state',
              title: t('accounts.state'),
              render: (_, a) =>
                a.disabled ? (
                  <ToneTag tone="red">
                    {t('accounts.disabled')}
                    {a.disabledReason ? `: ${a.disabledReason}` : ''}
                  </ToneTag>
                ) : (
                  <ToneTag tone="green">{t('accounts.enabled')}</ToneTag>
                ),
            },
            { key: 'tokens', title: t('accounts.tokens'), align: 'right', render: (_, a) => a.tokens.length },
            { key: 'createdAt', title: t('accounts.createdAt'), render: (_, a) => formatDateTime(a.createdAt) },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, a) => (
                <Space wrap size="small">
                  <Button size="small" onClick={() => setDialog({ kind: 'change', account: a })}>
                    {t('common.edit')}
                  </Button>
                  {a.source === 'local' ? (
                    <Button size="small" onClick={() => setDialog({ kind: 'password', account: a })}>
                      {t('accounts.resetPassword')}
                    </Button>
                  ) : null}
                  <Button size="small" onClick={() => setDialog({ kind: 'token', account: a })}>
                    {t('accounts.issueToken')}
                  </Button>
                  {a.disabled ? (
                    <Button size="small" onClick={() => void enable(a)}>
                      {t('accounts.enable')}
                    </Button>
                  ) : a.username === session.username ? null : (
                    // The server refuses an admin disabling their own account; the button is not offered.
                    <Button size="small" danger onClick={() => setDialog({ kind: 'disable', account: a })}>
                      {t('accounts.disable')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </ScrollRegion>
      <Modal
        open={!!dialog}
        onCancel={close}
        footer={null}
        destroyOnHidden
        title={dialog ? t(titles[dialog.kind], { username: 'account' in dialog ? dialog.account.username : '' }) : undefined}
      >
        {dialog?.kind === 'create' ? <CreateAccountForm onDone={done} /> : null}
        {dialog?.kind === 'change' ? <ChangeAccountForm account={dialog.account} onDone={done} /> : null}
        {dialog?.kind === 'password' ? <ResetPasswordForm username={dialog.account.username} onDone={done} /> : null}
        {dialog?.kind === 'disable' ? <DisableAccountForm username={dialog.account.username} onDone={done} /> : null}
        {dialog?.kind === 'token' ? (
          token ? (
            <TokenShown token={token} />
          ) : (
            <IssueTokenForm
              username={dialog.account.username}
              onIssued={(issued) => {
                setToken(issued);
                void queryClient.invalidateQueries({ queryKey: ['accounts'] });
              }}
            />
          )
        ) : null}
      </Modal>
    </>
  );
}
