import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { can } from '../../../core/permissions.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { emptySurveyValues, SurveyForm, surveyPayload } from './survey-form.tsx';
import { useCreateSurvey } from './surveys.queries.ts';

export function NewSurveyPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [search] = useSearchParams();
  const programmeId = search.get('programmeId') ?? '';
  const create = useCreateSurvey();
  const navigate = useNavigate();
  if (!programmeId) return <Navigate to="/enkater" replace />;
  if (!can(user.role, 'survey.manage')) {
    return (
      <>
        <PageHeader title={t('surveyForm.newTitle')} />
        <p>{t('common.noPermission')}</p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('surveyForm.newTitle')} />
      <SurveyForm
        initial={emptySurveyValues()}
        submitLabel={t('surveyForm.create')}
        isPending={create.isPending}
        onSubmit={async (values) => {
          const saved = await create.mutateAsync({ programmeId, ...surveyPayload(values) });
          navigate(`/enkater/${saved.id}`);
        }}
      />
    </>
  );
}
