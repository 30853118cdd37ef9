import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../api/download';
import { ApiError } from '../api/errors';
import { useToast } from './Toasts';

/**
 * A real link to the file (it works with the session's cookie, opened in a
 * new tab too); a click fetches it, so a refusal is said here instead of saved.
 */
export function DownloadLink({
  href,
  fileName,
  children,
  testId,
}: {
  href: string;
  fileName: string;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  return (
    <a
      href={href}
      download={fileName}
      data-testid={testId}
      aria-busy={busy}
      onClick={async (event) => {
        event.preventDefault();
        setBusy(true);
        try {
          await downloadFile(href, fileName);
        } catch (error) {
          toast.error(error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : t('connection.failed'));
        } finally {
          setBusy(false);
        }
      }}
    >
      {children}
    </a>
  );
}
