import { ROLES, type UserRole } from '@dm/contracts/web';
import { Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegistry } from '../../hooks/useRegistry';

/**
 * The roles as a labelled group of checkboxes; the ARIA state Form.Item
 * gives its control (aria-invalid) is not allowed on a group, so it is not passed on.
 */
function RolesInput({ id, value, onChange }: { id?: string; value?: UserRole[]; onChange?: (roles: UserRole[]) => void }) {
  const { t } = useTranslation();
  return (
    <div role="group" id={id} aria-label={t('accounts.roles')}>
      <Checkbox.Group value={value} onChange={onChange} options={ROLES.map((role) => ({ value: role, label: t(`roles.user.${role}`) }))} />
    </div>
  );
}

/** What an account says of its holder: the name shown, the agency (required for an agency officer), the roles. */
export function AccountFields() {
  const { t } = useTranslation();
  const registry = useRegistry();
  return (
    <>
      <Form.Item label={t('accounts.displayName')} name="displayName" required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t('accounts.agency')} name="agencyId" extra={t('accounts.agencyHelp')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(registry.data?.agencies ?? []).filter((a) => !a.validTo).map((a) => ({ value: a.id, label: a.name }))}
        />
      </Form.Item>
      <Form.Item label={t('accounts.roles')} name="roles" required>
        <RolesInput />
      </Form.Item>
    </>
  );
}
