import { Form, Select, Space } from 'antd';
import { REPORT_VIEW_NAMES } from '@dm/contracts/web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../api/reports';
import { DownloadLink } from '../../components/DownloadLink';

interface Props {
  /** The file's address for a format and, for CSV, a view. */
  urlOf: (format: ExportFormat, view?: string) => string;
  fileStem: string;
  idPrefix: string;
}

/** Links to the report as xlsx, pdf, or one view as csv. */
export function ExportLinks({ urlOf, fileStem, idPrefix }: Props) {
  const { t } = useTranslation();
  const [view, setView] = useState<string>('scorecards');
  return (
    <Space wrap align="center" data-testid={`${idPrefix}-exports`}>
      <DownloadLink href={urlOf('xlsx')} fileName={`${fileStem}.xlsx`} testId={`${idPrefix}-xlsx`}>
        {t('reports.downloadXlsx')}
      </DownloadLink>
      <DownloadLink href={urlOf('pdf')} fileName={`${fileStem}.pdf`} testId={`${idPrefix}-pdf`}>
        {t('reports.downloadPdf')}
      </DownloadLink>
      <Form.Item label={t('reports.csvView')} htmlFor={`${idPrefix}-view`} style={{ margin: 0 }}>
        <Select
          id={`${idPrefix}-view`}
          size="small"
          style={{ width: 200 }}
          value={view}
          onChange={setView}
          options={REPORT_VIEW_NAMES.map((name) => ({ value: name, label: t(`reports.views.${name}`) }))}
        />
      </Form.Item>
      <DownloadLink href={urlOf('csv', view)} fileName={`${fileStem}-${view}.csv`} testId={`${idPrefix}-csv`}>
        {t('reports.downloadCsv')}
      </DownloadLink>
    </Space>
  );
}
