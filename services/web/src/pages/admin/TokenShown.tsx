import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IssuedToken } from '../../api/accounts';
import { formatDateTime } from '../../logic/dates';

/** A token just issued: shown this once, with a copy button; the server keeps only its id. */
export function TokenShown({ token }: { token: IssuedToken }) {
  const { t } = useTranslation();
  return (
    <div data-testid="issued-token">
      <Alert
        type="warning"
        showIcon
        title={t('accounts.tokenOnce')}
        description={t('accounts.tokenExpires', { time: formatDateTime(token.expiresAt) })}
      />
      <Typography.Paragraph copyable={{ text: token.token }} style={{ marginTop: 16 }}>
        <code className="sha256" data-testid="issued-token-value">
          {token.token}
        </code>
      </Typography.Paragraph>
    </div>
  );
}
