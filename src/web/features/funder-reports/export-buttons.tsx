import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';
import { Notice } from '../../components/notice.tsx';
import type { ExportFormat } from './funder-reports.queries.ts';

const formats: readonly ExportFormat[] = ['csv', 'xlsx'];

/**
 * CSV and XLSX downloads of a report. While the check blocks export the buttons are off and say why; should the
 * server refuse anyway (the data changed meanwhile), its message is shown instead of a file.
 */
export function ExportButtons({
  href,
  fileName,
  blocked,
}: {
  href: (format: ExportFormat) => string;
  /** The name to use should the server not give one, without the extension. */
  fileName: string;
  blocked: boolean;
}) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [pending, setPending] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(format: ExportFormat) {
    setPending(format);
    setError(null);
    try {
      await downloadFile(href(format), `${fileName}.${format}`);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : t('common.unexpectedError'));
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="stack">
      <div className="form-actions">
        {formats.map((format) => (
          <Button
            key={format}
            className="button button-secondary"
            isDisabled={blocked || pending !== null}
            aria-describedby={blocked ? reasonId : undefined}
            onPress={() => void download(format)}
          >
            {format === 'csv' ? t('funderReports.downloadCsv') : t('funderReports.downloadXlsx')}
          </Button>
        ))}
      </div>
      {blocked ? (
        <p id={reasonId} className="field-error">
          {t('funderReports.exportBlocked')}
        </p>
      ) : null}
      {pending ? <p role="status">{t('funderReports.downloading')}</p> : null}
      {error ? (
        <div role="alert">
          <Notice tone="error">{error}</Notice>
        </div>
      ) : null}
    </div>
  );
}
