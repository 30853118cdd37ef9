import { Button, Space } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n';
import { base64OfDataUrl, formatBytes, mediaTypeOf, type AttachmentBody } from '../logic/attachment';

/** A file chosen in the browser, read as base64 for the JSON body, with its size for the limit. */
export interface ChosenFile extends AttachmentBody {
  size: number;
}

interface Props {
  id?: string;
  value?: ChosenFile | null;
  onChange?: (file: ChosenFile | null) => void;
  'aria-describedby'?: string;
}

function readFile(file: File): Promise<ChosenFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve({
        fileName: file.name,
        mediaType: mediaTypeOf(file.type),
        contentBase64: base64OfDataUrl(String(reader.result)),
        size: file.size,
      });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * A labelled file input (the Form.Item's label names it through `id`); the
 * chosen file shows with a way to remove it. The browser's own button says
 * "Choose File" in the browser's language, so the input is hidden and a
 * label of its own, in the app's language, opens it.
 */
export function AttachmentInput({ id, value, onChange, ...aria }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ownId = useId();
  const inputId = id ?? ownId;
  return (
    <Space orientation="vertical" size={4}>
      <span className="file-choice">
        <input
          id={inputId}
          type="file"
          className="file-choice-input"
          data-testid="attachment-input"
          aria-describedby={aria['aria-describedby']}
          onChange={async (event) => {
            const file = event.target.files?.[0];
            onChange?.(file ? await readFile(file) : null);
            event.target.value = '';
          }}
        />
        <label htmlFor={inputId} className="file-choice-button">
          {t('attachment.choose')}
        </label>
        {value ? null : <span className="muted">{t('attachment.none')}</span>}
      </span>
      {value ? (
        <Space>
          <span data-testid="attachment-chosen">
            {value.fileName} ({formatBytes(value.size, language)})
          </span>
          <Button size="small" onClick={() => onChange?.(null)}>
            {t('attachment.remove')}
          </Button>
        </Space>
      ) : null}
    </Space>
  );
}

/** The body's attachment: the file without its size (attachmentRequest is strict). */
export const attachmentBody = (file: ChosenFile | null | undefined): AttachmentBody | undefined =>
  file ? { fileName: file.fileName, mediaType: file.mediaType, contentBase64: file.contentBase64 } : undefined;
