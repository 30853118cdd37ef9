import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { BusinessDatePicker } from './BusinessDatePicker';

/** The paper report a monitoring officer records on an agency's behalf: its number and date. */
export function IncomingDocumentFields() {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{t('forms.incomingDocument')}</legend>
      <p className="muted">{t('forms.incomingDocumentHelp')}</p>
      <Form.Item label={t('forms.incomingDocumentNumber')} name={['incomingDocument', 'number']}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={t('forms.incomingDocumentDate')} name={['incomingDocument', 'date']}>
        <BusinessDatePicker />
      </Form.Item>
    </fieldset>
  );
}
