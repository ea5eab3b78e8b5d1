import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '../../../core/permissions.ts';
import type { Survey } from '../../../core/schemas/survey.schema.ts';
import { isApiError } from '../../api/client.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, QueryState } from '../../components/query-state.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { SurveyForm, surveyPayload, surveyValues } from './survey-form.tsx';
import { SurveyLinks } from './survey-links.tsx';
import { useSurvey, useSurveyStatus, useUpdateSurvey } from './surveys.queries.ts';

/** One survey: open or close it, build it (programme managers), hand out links, go to the results. */
export function SurveyPage() {
  const { id = '' } = useParams();
  const survey = useSurvey(id);
  return <QueryState query={survey}>{(data) => <SurveyView survey={data} />}</QueryState>;
}

function SurveyView({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manages = can(user.role, 'survey.manage');
  const status = useSurveyStatus(survey.id);
  const update = useUpdateSurvey(survey.id);
  const [notice, setNotice] = useState<string | null>(null);
  // The version saves go against: after a conflict, the current one, so the next save keeps what was typed.
  const [version, setVersion] = useState(survey.version);
  const baseVersion = Math.max(version, survey.version);

  const changeStatus = (action: 'open' | 'close') =>
    status.mutate(
      { action, version: survey.version },
      { onSuccess: () => setNotice(t(action === 'open' ? 'survey.opened' : 'survey.closed')) },
    );

  return (
    <>
      <PageHeader
        title={survey.titles.sv}
        lead={t('survey.programme', { name: survey.programmeName })}
        actions={
          <>
            {can(user.role, 'survey.results') ? (
              <Link className="button button-secondary" to={`/enkater/${survey.id}/resultat`}>
                {t('survey.results')}
              </Link>
            ) : null}
            {manages && survey.status !== 'open' ? (
              <button type="button" className="button button-primary" onClick={() => changeStatus('open')}>
                {t('survey.open')}
              </button>
            ) : null}
            {manages && survey.status === 'open' ? (
              <button type="button" className="button button-secondary" onClick={() => changeStatus('close')}>
                {t('survey.close')}
              </button>
            ) : null}
          </>
        }
      >
        <p>
          <span className={`badge badge-${survey.status === 'open' ? 'success' : 'neutral'}`}>
            {t(`surveyStatus.${survey.status}`)}
          </span>{' '}
          {t('survey.responses', { count: survey.responseCount })}
        </p>
      </PageHeader>
      {status.isError ? <ErrorState error={status.error} /> : null}
      {notice ? (
        <Notice tone="success" live>
          {notice}
        </Notice>
      ) : null}

      <section aria-labelledby="survey-questions-heading">
        <h2 id="survey-questions-heading">{t('survey.questionsHeading')}</h2>
        {manages && survey.status !== 'closed' ? (
          <SurveyForm
            key={survey.id}
            initial={surveyValues(survey)}
            submitLabel={t('surveyForm.save')}
            isPending={update.isPending}
            notice={update.isSuccess ? t('surveyForm.saved') : null}
            onSubmit={async (values) => {
              try {
                const saved = await update.mutateAsync({ version: baseVersion, ...surveyPayload(values) });
                setVersion(saved.version);
              } catch (error) {
                const current = isApiError(error) ? (error.current as Survey | undefined) : undefined;
                if (isApiError(error) && error.code === 'VERSION_CONFLICT' && current)
                  setVersion(current.version);
                throw error;
              }
            }}
          />
        ) : (
          <>
            {survey.status === 'closed' && manages ? <p className="muted">{t('survey.closedNote')}</p> : null}
            <ol>
              {survey.questions.map((q) => (
                <li key={q.id}>
                  {q.texts.sv} <span className="muted">({t(`surveyQuestionKind.${q.kind}`)})</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      {can(user.role, 'survey.link') || can(user.role, 'survey.results') ? (
        <SurveyLinks survey={survey} />
      ) : null}
    </>
  );
}
