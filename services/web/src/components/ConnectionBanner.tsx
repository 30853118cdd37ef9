import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConnectionTrouble } from '../api/connection';

/** Said while the server cannot be reached or is not serving; forms keep what was typed. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const trouble = useConnectionTrouble();
  if (!trouble) return null;
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      data-testid="connection-banner"
      style={{ marginBottom: 16 }}
      title={trouble === 'offline' ? t('connection.offline') : t('connection.unavailable')}
      description={t('connection.kept')}
    />
  );
}
