import { Button, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { BusinessDatePicker } from '../../forms/BusinessDatePicker';
import { noted, type FieldNotes } from './field-notes';
import type { PartyOption } from './party-options';

const DIRECTIVE_TYPES = ['cong-van', 'chi-thi', 'quyet-dinh', 'ke-hoach', 'thong-bao', 'nghi-quyet'] as const;

interface Props {
  agencies: Array<{ value: string; label: string }>;
  parties: PartyOption[];
  /** What to say beside a field (an import's uncertain fields), marking it. */
  notes?: FieldNotes;
}

/** The directive's header: number, type, issuer and date, subject, legal bases, addressees, signer, the monitoring agency. */
export function DirectiveFields({ agencies, parties, notes }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label={t('directive.number')} name="number" required {...noted(notes, ['number'], t('issue.numberHelp'))}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('directive.type')} name="type" required {...noted(notes, ['type'])}>
            <Select options={DIRECTIVE_TYPES.map((type) => ({ value: type, label: t(`directiveTypes.${type}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('directive.issuedOn')} name="issuedOn" required {...noted(notes, ['issuedOn'], t('issue.issuedOnHelp'))}>
            <BusinessDatePicker />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('directive.issuer')} name="issuer" required {...noted(notes, ['issuer'])}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={agencies} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('directive.monitoringAgency')} name="monitoringAgency" required {...noted(notes, ['monitoringAgency'])}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={agencies} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('directive.subject')} name="subject" required {...noted(notes, ['subject'])}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.List name="legalBasis">
        {(fields, { add, remove }) => (
          <fieldset className="fieldset">
            <legend>{t('issue.legalBasis')}</legend>
            {fields.map((field, index) => (
              <Form.Item
                key={field.key}
                label={t('issue.legalBasisItem', { index: index + 1 })}
                htmlFor={`legalBasis_${field.name}`}
                {...noted(notes, ['legalBasis', field.name])}
              >
                <div style={{ display: 'flex', gap: 8 }}>
                  <Form.Item name={field.name} noStyle>
                    <Input id={`legalBasis_${field.name}`} />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>{t('common.remove')}</Button>
                </div>
              </Form.Item>
            ))}
            <Form.Item>
              <Button onClick={() => add('')}>{t('issue.addLegalBasis')}</Button>
            </Form.Item>
          </fieldset>
        )}
      </Form.List>
      <Form.Item label={t('issue.addressees')} name="addressees" {...noted(notes, ['addressees'])}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={parties} />
      </Form.Item>
      <fieldset className="fieldset">
        <legend>{t('directive.signer')}</legend>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('issue.signerCapacity')}
              name={['signer', 'capacity']}
              {...noted(notes, ['signer', 'capacity'], t('issue.signerCapacityHelp'))}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('issue.signerTitle')} name={['signer', 'title']} required {...noted(notes, ['signer', 'title'])}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('issue.signerName')} name={['signer', 'name']} required {...noted(notes, ['signer', 'name'])}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </fieldset>
    </>
  );
}
