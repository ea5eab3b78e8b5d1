import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Share } from '../../../core/dashboard.ts';
import type { SurveyQuestionResult, SurveyResults } from '../../../core/schemas/survey.schema.ts';
import { minimumAnswersShown } from '../../../core/survey.ts';
import { queryString } from '../../api/client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useFigureFormat } from '../dashboard/figure-format.ts';
import { useLinkLabel } from './survey-links.tsx';
import { useSurveyLinks, useSurveyResults } from './surveys.queries.ts';

/** The results per question: tables first, then bars with the same numbers in words. */
export function SurveyResultsPage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const linkId = search.get('linkId') ?? '';
  const results = useSurveyResults(id, linkId);
  const links = useSurveyLinks(id);
  const label = useLinkLabel();
  const { t } = useTranslation();

  return (
    <QueryState query={results}>
      {(data) => (
        <>
          <PageHeader
            title={t('surveyResults.title', { title: data.titles.sv })}
            actions={
              <>
                <Link className="button button-secondary" to={`/enkater/${id}`}>
                  {t('surveyResults.backToSurvey')}
                </Link>
                {data.withheld ? null : (
                  <>
                    <a className="button button-secondary" href={exportUrl(id, linkId, 'csv')} download>
                      {t('surveyResults.downloadCsv')}
                    </a>
                    <a className="button button-secondary" href={exportUrl(id, linkId, 'xlsx')} download>
                      {t('surveyResults.downloadXlsx')}
                    </a>
                  </>
                )}
              </>
            }
          >
            <p>{t('surveyResults.responses', { count: data.responseCount })}</p>
          </PageHeader>
          {links.data && links.data.items.length > 0 ? (
            <SelectField
              id="survey-results-link"
              label={t('surveyResults.filter')}
              value={linkId}
              onChange={(value) => setSearch(value ? { linkId: value } : {}, { replace: true })}
              options={[
                { value: '', label: t('surveyResults.allLinks') },
                ...links.data.items.map((l) => ({ value: l.id, label: label(l) })),
              ]}
            />
          ) : null}
          {data.withheld ? (
            <p className="notice notice-info">
              {t('surveyResults.withheld', { minimum: minimumAnswersShown })}
            </p>
          ) : (
            <Questions results={data} />
          )}
        </>
      )}
    </QueryState>
  );
}

function exportUrl(id: string, linkId: string, format: 'csv' | 'xlsx'): string {
  return `/api/surveys/${id}/results${queryString({ linkId: linkId || undefined, format })}`;
}

function Questions({ results }: { results: SurveyResults }) {
  return (
    <>
      {results.questions.map((q, index) => (
        <QuestionResult key={q.id} question={q} number={index + 1} />
      ))}
    </>
  );
}

function QuestionResult({ question, number }: { question: SurveyQuestionResult; number: number }) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const headingId = useId();
  const shareText = (
    key: 'surveyResults.verySatisfied' | 'surveyResults.satisfied' | 'surveyResults.yesShare',
    s: Share,
  ) => t(key, { percent: format.percent(s.percent), numerator: s.numerator, denominator: s.denominator });
  const rows =
    question.scale !== null
      ? question.scale.counts.map((count, i) => ({ label: String(i + 1), count }))
      : question.yesNo !== null
        ? [
            { label: t('common.yes'), count: question.yesNo.yes.numerator },
            { label: t('common.no'), count: question.yesNo.no },
          ]
        : [];

  return (
    <section aria-labelledby={headingId} className="survey-result">
      <h2 id={headingId}>{t('surveyResults.question', { number, text: question.texts.sv })}</h2>
      <p>{t('surveyResults.answered', { count: question.answered })}</p>
      {question.scale && question.scale.mean !== null ? (
        <ul className="survey-figures">
          <li>
            <strong>{shareText('surveyResults.verySatisfied', question.scale.verySatisfied)}</strong>
          </li>
          <li>{shareText('surveyResults.satisfied', question.scale.satisfied)}</li>
          <li>{t('surveyResults.mean', { mean: format.number(question.scale.mean) })}</li>
        </ul>
      ) : null}
      {question.yesNo && question.answered > 0 ? (
        <p>
          <strong>{shareText('surveyResults.yesShare', question.yesNo.yes)}</strong>
        </p>
      ) : null}
      {rows.length > 0 ? (
        question.answered === 0 ? (
          <p className="empty">{t('surveyResults.noAnswers')}</p>
        ) : (
          <>
            <div className="table-wrapper">
              <table className="table">
                <caption className="visually-hidden">{t('surveyResults.chartTitle', { number })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('surveyResults.value')}</th>
                    <th scope="col" className="cell-number">
                      {t('surveyResults.count')}
                    </th>
                    <th scope="col" className="cell-number">
                      {t('surveyResults.share')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.label}>
                      <th scope="row">{r.label}</th>
                      <td className="cell-number">{format.number(r.count)}</td>
                      <td className="cell-number">
                        {format.percent(Math.round((r.count * 1000) / question.answered) / 10)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Bars title={t('surveyResults.chartTitle', { number })} rows={rows} />
          </>
        )
      ) : question.freeTexts && question.freeTexts.length > 0 ? (
        <ul className="survey-texts">
          {question.freeTexts.map((text, i) => (
            // The same text may come twice; its place in the sorted list tells them apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: answers have no id of their own on purpose
            <li key={i} dir="auto" className="survey-text">
              {text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('surveyResults.noTexts')}</p>
      )}
    </section>
  );
}

/** Horizontal bars, one per answer; the screen reader gets the counts as its text alternative. */
function Bars({ title, rows }: { title: string; rows: readonly { label: string; count: number }[] }) {
  const { t } = useTranslation();
  const id = useId();
  const rowHeight = 28;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const description = rows
    .map((r) => t('surveyResults.chartRow', { label: r.label, count: r.count }))
    .join(' ');
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 640 ${rows.length * rowHeight + 4}`}
        className="chart-svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {rows.map((r, index) => {
          const y = index * rowHeight;
          const w = (r.count / max) * 520;
          return (
            <g key={r.label}>
              <text x={0} y={y + 18} className="chart-label">
                {r.label}
              </text>
              <rect x={60} y={y + 6} width={w} height={16} fill="#1d3a5c" />
              <text x={66 + w} y={y + 19} className="chart-value">
                {r.count}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
