import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { can } from '../../../core/permissions.ts';
import type { SurveySummary } from '../../../core/schemas/survey.schema.ts';
import { useProgrammes } from '../../api/reference.queries.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useSortedByName } from '../../i18n/options.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { useSurveys } from './surveys.queries.ts';

/** The surveys of a programme run at the user's centres. */
export function SurveyListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const programmes = useProgrammes();
  const sorted = useSortedByName(programmes.data?.items);
  const [search, setSearch] = useSearchParams();
  const programmeId = search.get('programmeId') ?? sorted[0]?.id ?? '';
  const surveys = useSurveys(programmeId);

  const columns: Column<SurveySummary>[] = [
    {
      key: 'title',
      header: t('surveys.columns.title'),
      isRowHeader: true,
      cell: (s) => <Link to={`/enkater/${s.id}`}>{s.titles.sv}</Link>,
    },
    { key: 'status', header: t('surveys.columns.status'), cell: (s) => t(`surveyStatus.${s.status}`) },
    {
      key: 'languages',
      header: t('surveys.columns.languages'),
      cell: (s) => s.languages.map((l) => t(`language.${l}` as 'language.sv')).join(', '),
    },
    { key: 'questions', header: t('surveys.columns.questions'), cell: (s) => s.questionCount },
    { key: 'responses', header: t('surveys.columns.responses'), cell: (s) => s.responseCount },
  ];

  return (
    <>
      <PageHeader
        title={t('surveys.title')}
        lead={t('surveys.lead')}
        actions={
          can(user.role, 'survey.manage') && programmeId ? (
            <Link className="button button-primary" to={`/enkater/ny?programmeId=${programmeId}`}>
              {t('surveys.newSurvey')}
            </Link>
          ) : null
        }
      />
      <QueryState query={programmes}>
        {() =>
          sorted.length === 0 ? (
            <p className="empty">{t('surveys.noProgrammes')}</p>
          ) : (
            <>
              {sorted.length > 1 ? (
                <SelectField
                  id="survey-programme"
                  label={t('surveys.programme')}
                  value={programmeId}
                  onChange={(value) => setSearch({ programmeId: value }, { replace: true })}
                  options={sorted.map((p) => ({ value: p.id, label: p.name }))}
                />
              ) : null}
              <QueryState query={surveys}>
                {(data) => (
                  <DataTable
                    caption={t('surveys.tableCaption')}
                    captionHidden
                    columns={columns}
                    rows={data.items}
                    rowKey={(s) => s.id}
                    emptyText={t('surveys.empty')}
                  />
                )}
              </QueryState>
            </>
          )
        }
      </QueryState>
    </>
  );
}
