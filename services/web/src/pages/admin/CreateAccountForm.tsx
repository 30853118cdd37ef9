import { createAccountRequest } from '@dm/contracts/web';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { createAccount, type CreateAccountBody } from '../../api/accounts';
import { FormErrors } from '../../forms/FormErrors';
import { useApiForm } from '../../forms/use-api-form';
import { AccountFields } from './AccountFields';

interface Values {
  username?: string;
  displayName?: string;
  agencyId?: string | null;
  roles?: CreateAccountBody['roles'];
  password?: string;
}

/** A new local account with its first password. */
export function CreateAccountForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const body = (values: Values): CreateAccountBody => ({
    username: values.username ?? '',
    displayName: values.displayName ?? '',
    agencyId: values.agencyId ?? null,
    roles: values.roles ?? [],
    password: values.password ?? '',
  });
  const { submit, submitting, general, onValuesChange } = useApiForm({
    form,
    schema: createAccountRequest,
    fields: [['username'], ['displayName'], ['agencyId'], ['roles'], ['password']],
    send: (b: CreateAccountBody, key) => createAccount(b, key),
    onDone,
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="create-account"
      onValuesChange={onValuesChange}
      onFinish={(values) => void submit(body(values))}
      data-testid="create-account-form"
    >
      <Form.Item label={t('accounts.username')} name="username" required extra={t('accounts.usernameHelp')}>
        <Input autoComplete="off" maxLength={64} />
      </Form.Item>
      <AccountFields />
      <Form.Item label={t('accounts.password')} name="password" required extra={t('accounts.passwordHelp')}>
        <Input.Password autoComplete="new-password" maxLength={256} />
      </Form.Item>
      <FormErrors messages={general} />
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('accounts.create')}
      </Button>
    </Form>
  );
}
