import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useLinkLabel } from './survey-links.tsx';
import { qrCodeUrl, useSurvey, useSurveyLinks } from './surveys.queries.ts';

/** A page to print and put up in the room: the title, a large QR code and the address. */
export function SurveyLinkPrintPage() {
  const { id = '', linkId = '' } = useParams();
  const { t } = useTranslation();
  const survey = useSurvey(id);
  const links = useSurveyLinks(id);
  const label = useLinkLabel();
  return (
    <QueryState query={survey}>
      {(s) => (
        <QueryState query={links}>
          {(data) => {
            const link = data.items.find((l) => l.id === linkId);
            if (!link) return <p>{t('notFound.title')}</p>;
            const url = `${window.location.origin}${link.path}`;
            return (
              <div className="survey-print">
                <PageHeader
                  title={s.titles.sv}
                  lead={label(link)}
                  actions={
                    <button
                      type="button"
                      className="button button-secondary no-print"
                      onClick={() => window.print()}
                    >
                      {t('surveyPrint.printButton')}
                    </button>
                  }
                />
                {s.languages
                  .filter((l) => l !== 'sv')
                  .map((l) => (
                    <p key={l} lang={l} dir="auto" className="survey-print-title">
                      {s.titles[l]}
                    </p>
                  ))}
                <img
                  className="survey-qr-large"
                  src={qrCodeUrl(id, link.id)}
                  alt={t('surveyLinks.qrAlt', { title: s.titles.sv, link: label(link) })}
                  width={320}
                  height={320}
                />
                <p className="survey-print-url">{url}</p>
                <p>{t('surveyPrint.scan')}</p>
                <p>{t('surveyPrint.anonymous')}</p>
              </div>
            );
          }}
        </QueryState>
      )}
    </QueryState>
  );
}
