import { Button, Card, Form, Input, Space } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { importDirective } from '../../api/imports';
import { PageHeader } from '../../components/PageHeader';
import { FormErrors } from '../../forms/FormErrors';
import { useApiForm } from '../../forms/use-api-form';
import { utf8Text } from '../../logic/directive-import';

interface Values {
  text?: string;
}

/** A directive's text, pasted or read from a .txt file (UTF-8, in the browser), read into a draft to review beside it. */
export function ImportDirectivePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const fileId = useId();
  const [fileRead, setFileRead] = useState<string | null>(null);
  const { submit, submitting, general, onValuesChange } = useApiForm({
    form,
    fields: [['text']],
    check: (text: string) => (text.trim() ? [] : [{ path: ['text'], message: t('import.empty') }]),
    send: (text: string) => importDirective(text),
    onDone: (draft) => navigate(`/directives/import/${draft.draftId}`),
  });

  const readFile = async (file: File) => {
    const text = utf8Text(new Uint8Array(await file.arrayBuffer()));
    if (text === null) {
      setFileRead(null);
      form.setFields([{ name: 'text', errors: [t('import.fileNotText', { name: file.name })] }]);
      return;
    }
    form.setFields([{ name: 'text', value: text, errors: [] }]);
    setFileRead(file.name);
  };

  return (
    <>
      <PageHeader title={t('nav.importDirective')} />
      <Card>
        <p>{t('import.intro')}</p>
        <Form<Values>
          form={form}
          layout="vertical"
          name="import-text"
          onValuesChange={(changed) => {
            setFileRead(null);
            onValuesChange(changed);
          }}
          onFinish={(values) => void submit(values.text ?? '')}
          data-testid="import-text-form"
        >
          <Form.Item label={t('import.file')} htmlFor={fileId}>
            <span className="file-choice">
              <input
                id={fileId}
                type="file"
                accept=".txt,text/plain"
                className="file-choice-input"
                data-testid="import-file"
                onChange={async (event) => {
                  const file = event.target.files?.[0];
                  if (file) await readFile(file);
                  event.target.value = '';
                }}
              />
              <label htmlFor={fileId} className="file-choice-button">
                {t('attachment.choose')}
              </label>
              {fileRead ? (
                <span role="status" data-testid="import-file-read">
                  {t('import.fileRead', { name: fileRead })}
                </span>
              ) : null}
            </span>
          </Form.Item>
          <Form.Item label={t('import.text')} name="text" extra={t('import.textHelp')}>
            <Input.TextArea rows={18} spellCheck={false} />
          </Form.Item>
          <FormErrors messages={general} />
          <Space>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="import-read">
              {t('import.read')}
            </Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
