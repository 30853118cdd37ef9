import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, ConnectionError } from '../api/errors';
import { Notice } from './Notice';

/** What a page says when what it reads could not be read; a lost connection is said by the banner. */
export function QueryError({ error, forbidden }: { error: unknown; forbidden?: string }) {
  const { t } = useTranslation();
  if (error instanceof ConnectionError) return null;
  if (error instanceof ApiError && (error.status === 403 || (error.status === 404 && forbidden))) {
    return <Notice title={forbidden ?? t('errors.forbidden')} testId="forbidden" />;
  }
  const detail = error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : String(error);
  return <Alert role="alert" type="error" showIcon title={t('errors.loadFailed')} description={detail} />;
}
