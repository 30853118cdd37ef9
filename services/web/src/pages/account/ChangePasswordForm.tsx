import { setPasswordRequest } from '@dm/contracts/web';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { setPassword } from '../../api/accounts';
import { FormErrors } from '../../forms/FormErrors';
import { useApiForm } from '../../forms/use-api-form';
import { useToast } from '../../components/Toasts';

interface Values {
  currentPassword?: string;
  password?: string;
  confirm?: string;
}

/** One's own new password, with the current one; the other sessions of the account end. */
export function ChangePasswordForm({ username }: { username: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, general, onValuesChange } = useApiForm({
    form,
    schema: setPasswordRequest,
    check: () =>
      form.getFieldValue('confirm') === form.getFieldValue('password') ? [] : [{ path: ['confirm'], message: t('account.mismatch') }],
    fields: [['currentPassword'], ['password'], ['confirm']],
    send: (b: { password: string; currentPassword: string }, key) => setPassword(username, b, key),
    onDone: () => {
      form.resetFields();
      toast.success(t('account.changed'));
    },
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="change-password"
      style={{ maxWidth: 420 }}
      onValuesChange={onValuesChange}
      onFinish={(v) => void submit({ currentPassword: v.currentPassword ?? '', password: v.password ?? '' })}
      data-testid="change-password-form"
    >
      <Form.Item label={t('account.currentPassword')} name="currentPassword" required>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item label={t('accounts.newPassword')} name="password" required extra={t('accounts.passwordHelp')}>
        <Input.Password autoComplete="new-password" maxLength={256} />
      </Form.Item>
      <Form.Item label={t('account.confirm')} name="confirm" required>
        <Input.Password autoComplete="new-password" maxLength={256} />
      </Form.Item>
      <FormErrors messages={general} />
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('account.changePassword')}
      </Button>
    </Form>
  );
}
