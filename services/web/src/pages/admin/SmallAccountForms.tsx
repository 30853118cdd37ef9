import { disableAccountRequest, issueTokenRequest, setPasswordRequest } from '@dm/contracts/web';
import { Button, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { disableAccount, issueToken, setPassword, type IssuedToken } from '../../api/accounts';
import { FormErrors } from '../../forms/FormErrors';
import { useApiForm } from '../../forms/use-api-form';

/** An admin sets another's password (the holder's sessions end). */
export function ResetPasswordForm({ username, onDone }: { username: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password?: string }>();
  const { submit, submitting, general, onValuesChange } = useApiForm({
    form,
    schema: setPasswordRequest,
    fields: [['password']],
    send: (b: { password: string }, key) => setPassword(username, b, key),
    onDone,
  });
  return (
    <Form
      form={form}
      layout="vertical"
      name="reset-password"
      onValuesChange={onValuesChange}
      onFinish={(v) => void submit({ password: v.password ?? '' })}
    >
      <Form.Item label={t('accounts.newPassword')} name="password" required extra={t('accounts.passwordHelp')}>
        <Input.Password autoComplete="new-password" maxLength={256} />
      </Form.Item>
      <FormErrors messages={general} />
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('accounts.resetPassword')}
      </Button>
    </Form>
  );
}

/** Disable an account, saying why: its sessions end and it can no longer sign in. */
export function DisableAccountForm({ username, onDone }: { username: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const { submit, submitting, general, onValuesChange } = useApiForm({
    form,
    schema: disableAccountRequest,
    fields: [['reason']],
    send: (b: { reason: string }, key) => disableAccount(username, b, key),
    onDone,
  });
  return (
    <Form
      form={form}
      layout="vertical"
      name="disable-account"
      onValuesChange={onValuesChange}
      onFinish={(v) => void submit({ reason: v.reason ?? '' })}
    >
      <Form.Item label={t('accounts.disableReason')} name="reason" required>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <FormErrors messages={general} />
      <Button danger type="primary" htmlType="submit" loading={submitting}>
        {t('accounts.disable')}
      </Button>
    </Form>
  );
}

/** Issue an API token for the account, with a label and an expiry; the token itself is shown once, by the caller. */
export function IssueTokenForm({ username, onIssued }: { username: string; onIssued: (token: IssuedToken) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ label?: string; expiresInDays?: number }>();
  const { submit, submitting, general, onValuesChange } = useApiForm({
    form,
    schema: issueTokenRequest,
    fields: [['label'], ['expiresInDays']],
    send: (b: { label: string; expiresInDays: number | undefined }, key) =>
      issueToken(username, { label: b.label, expiresInDays: b.expiresInDays ?? 0 }, key),
    onDone: onIssued,
  });
  return (
    <Form
      form={form}
      layout="vertical"
      name="issue-token"
      initialValues={{ expiresInDays: 90 }}
      onValuesChange={onValuesChange}
      onFinish={(v) => void submit({ label: v.label ?? '', expiresInDays: v.expiresInDays })}
    >
      <Form.Item label={t('accounts.tokenLabel')} name="label" required extra={t('accounts.tokenLabelHelp')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={t('accounts.tokenDays')} name="expiresInDays" required>
        <InputNumber min={1} max={366} style={{ width: 160 }} />
      </Form.Item>
      <FormErrors messages={general} />
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('accounts.issueToken')}
      </Button>
    </Form>
  );
}
