import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RegisterExtract } from '../../../core/schemas/register-extract.schema.ts';
import { isApiError } from '../../api/client.ts';
import { type DescriptionItem, DescriptionList } from '../../components/description-list.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { NotFoundPage } from '../../layout/not-found.page.tsx';
import { ProtectedIdentityMarker } from '../participants/protected-identity-marker.tsx';
import { useRegisterExtract } from './register-extract.queries.ts';

/** A stored value as text: nested values (the mapping's areas, a plan change) as JSON. */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Saves the extract on screen rather than fetching another (api/download.ts): a new fetch would make a second
 * extract and a second access-log row, differing from the one the user read.
 */
function download(extract: RegisterExtract) {
  const blob = new Blob([JSON.stringify(extract, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `registerutdrag-${extract.participantId}-${extract.generatedAt.slice(0, 10)}.json`;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The register extract on A4: every section with every stored field; PDF through the browser's print. */
export function RegisterExtractPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const extract = useRegisterExtract(id);
  const title = t('registerExtract.title');
  const documentTitle = t('registerExtract.documentTitle');

  if (extract.isError) {
    if (isApiError(extract.error) && extract.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageHeader title={title} documentTitle={documentTitle} />
        <ErrorState error={extract.error} onRetry={() => extract.refetch()} />
      </>
    );
  }
  const data = extract.data;
  if (!data) {
    return (
      <>
        <PageHeader title={title} documentTitle={documentTitle} />
        <Loading />
      </>
    );
  }

  const facts: DescriptionItem[] = [
    { key: 'person', term: t('registerExtract.person'), value: <bdi>{data.name}</bdi> },
    { key: 'generatedAt', term: t('registerExtract.generatedAt'), value: formatDateTime(data.generatedAt) },
    { key: 'generatedBy', term: t('registerExtract.generatedBy'), value: data.generatedBy.name },
  ];

  return (
    <div className="print-sheet register-extract">
      <div className="print-actions">
        <Button className="button button-primary" onPress={() => window.print()}>
          {t('registerExtract.printButton')}
        </Button>
        <Button className="button button-secondary" onPress={() => download(data)}>
          {t('registerExtract.downloadJson')}
        </Button>
        <Link className="button button-secondary" to={`/deltagare/${id}`}>
          {t('registerExtract.backToParticipant')}
        </Link>
      </div>
      <p className="print-actions">{t('registerExtract.pdfHint')}</p>
      <PageHeader title={title} documentTitle={documentTitle} lead={t('registerExtract.lead')} />
      {data.protectedIdentity ? (
        <p className="print-protected">
          <ProtectedIdentityMarker /> {t('registerExtract.protectedNotice')}
        </p>
      ) : null}
      <DescriptionList items={facts} emptyLabel="–" />
      <section aria-labelledby="extract-rights">
        <h2 id="extract-rights">{t('registerExtract.rightsHeading')}</h2>
        <p lang="sv">{data.rights}</p>
      </section>
      <section aria-labelledby="extract-notes">
        <h2 id="extract-notes">{t('registerExtract.notesHeading')}</h2>
        <ul lang="sv">
          {data.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </section>
      {data.sections.map((section) => (
        <section key={section.key} className="extract-section" aria-labelledby={`extract-${section.key}`}>
          <h2 id={`extract-${section.key}`}>
            {t(`registerExtract.sections.${section.key}`)}{' '}
            <span className="extract-count">
              ({t('registerExtract.rowCount', { count: section.rows.length })})
            </span>
          </h2>
          {section.rows.length === 0 ? (
            <p>{t('registerExtract.empty')}</p>
          ) : (
            section.rows.map((row, index) => (
              <dl key={String(row.id ?? index)} className="extract-record">
                {Object.entries(row).map(([field, value]) => (
                  <div key={field} className="extract-field">
                    <dt>{field}</dt>
                    <dd>{valueText(value)}</dd>
                  </div>
                ))}
              </dl>
            ))
          )}
        </section>
      ))}
    </div>
  );
}
