import { useTranslation } from 'react-i18next';

/** A light spinner (the first page loads without AntD's Spin) with its words for screen readers. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{t('common.loading')}</span>
    </div>
  );
}
