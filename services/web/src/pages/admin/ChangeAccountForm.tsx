import { type Account, changeAccountRequest } from '@dm/contracts/web';
import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeAccount, type ChangeAccountBody } from '../../api/accounts';
import { FormErrors } from '../../forms/FormErrors';
import { useApiForm } from '../../forms/use-api-form';
import { AccountFields } from './AccountFields';

/** Change an account's name, agency and roles. */
export function ChangeAccountForm({ account, onDone }: { account: Account; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ChangeAccountBody>();
  const { submit, submitting, general, onValuesChange } = useApiForm({
    form,
    schema: changeAccountRequest,
    fields: [['displayName'], ['agencyId'], ['roles']],
    send: (b: ChangeAccountBody, key) => changeAccount(account.username, b, key),
    onDone,
  });
  return (
    <Form<ChangeAccountBody>
      form={form}
      layout="vertical"
      name="change-account"
      initialValues={{ displayName: account.displayName, agencyId: account.agencyId, roles: account.roles }}
      onValuesChange={onValuesChange}
      onFinish={(values) =>
        void submit({ displayName: values.displayName ?? '', agencyId: values.agencyId ?? null, roles: values.roles ?? [] })
      }
    >
      <AccountFields />
      <FormErrors messages={general} />
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
