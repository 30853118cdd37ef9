import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's heading and the browser tab's title. */
export function PageHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {extra ? <div>{extra}</div> : null}
    </div>
  );
}
