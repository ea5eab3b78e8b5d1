import { useTranslation } from 'react-i18next';
import type { Programme } from '../../../core/schemas/programme.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { DescriptionList } from '../../components/description-list.tsx';
import { useCollator } from '../../i18n/index.ts';
import { formatAmount, formatNumber } from './programme-form-values.ts';
import { StepChecklist } from './step-checklist.tsx';

type TargetGroup = Programme['targetGroups'][number];

/**
 * A programme's facts, target groups and steps; `headingLevel` fits it under the page or a section. With
 * `checklists`, each step shows its checklist, editable by those who manage the programme.
 */
export function ProgrammeDetails({
  programme,
  headingLevel = 2,
  checklists,
}: {
  programme: Programme;
  headingLevel?: 2 | 3 | 4;
  checklists?: { mayEdit: boolean };
}) {
  const { t } = useTranslation();
  const collator = useCollator();
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2] ?? 'h2';
  const names = (items: { name: string }[]) =>
    items
      .map((i) => i.name)
      .sort(collator.compare)
      .join(', ');

  const groupColumns: Column<TargetGroup>[] = [
    { key: 'name', header: t('field.name'), isRowHeader: true, cell: (g) => g.name },
    { key: 'kind', header: t('field.kind'), cell: (g) => t(`targetGroupKind.${g.kind}`) },
    {
      key: 'duration',
      header: t('field.maxDurationMonths'),
      cell: (g) => t('programme.maxDuration', { count: g.maxDurationMonths }),
    },
  ];

  return (
    <>
      <DescriptionList
        emptyLabel={t('common.notGiven')}
        items={[
          {
            key: 'period',
            term: t('programmes.period'),
            value: t('programmes.periodValue', { startsOn: programme.startsOn, endsOn: programme.endsOn }),
          },
          {
            key: 'funderProjectNumber',
            term: t('field.funderProjectNumber'),
            value: programme.funderProjectNumber,
          },
          {
            key: 'plannedParticipants',
            term: t('field.plannedParticipants'),
            value: programme.plannedParticipants,
          },
          {
            key: 'goal',
            term: t('programme.goal'),
            value: t('programme.goalValue', {
              percent: formatNumber(programme.goalPercent),
              description: programme.goalDescription,
            }),
          },
          {
            key: 'followUp',
            term: t('programme.followUp'),
            value: t('programme.followUpValue', { count: programme.followUpDays }),
          },
          {
            key: 'cofinancingHourlyRate',
            term: t('field.cofinancingHourlyRate'),
            value:
              programme.cofinancingHourlyRate === null
                ? null
                : t('programme.cofinancingValue', { rate: formatAmount(programme.cofinancingHourlyRate) }),
          },
          {
            key: 'funderReportCheck',
            term: t('field.funderReportCheck'),
            value: t(`funderReportCheckMode.${programme.funderReportCheck}`),
          },
          {
            key: 'retention',
            term: t('programme.retention'),
            value:
              programme.holdUntil === null
                ? t('programme.retentionValue', { count: programme.retentionYears })
                : t('programme.retentionHeldValue', {
                    count: programme.retentionYears,
                    date: programme.holdUntil,
                  }),
          },
          { key: 'owner', term: t('programme.owner'), value: programme.ownerOrganisation.name },
          { key: 'organisations', term: t('programme.organisations'), value: names(programme.organisations) },
          { key: 'centres', term: t('field.centreIds'), value: names(programme.centres) },
        ]}
      />
      <Heading>{t('programme.targetGroupsHeading')}</Heading>
      <DataTable
        caption={t('programme.targetGroupsCaption')}
        captionHidden
        columns={groupColumns}
        rows={programme.targetGroups}
        rowKey={(g) => g.id}
        emptyText={t('common.notGiven')}
      />
      <Heading>{t('programme.stepsHeading')}</Heading>
      <ol className={checklists ? 'step-list' : undefined}>
        {programme.steps.map((step) => (
          <li key={step.id}>
            {step.name}
            {checklists ? (
              <StepChecklist
                programmeId={programme.id}
                step={step}
                mayEdit={checklists.mayEdit}
                headingLevel={(headingLevel + 1) as 3 | 4 | 5}
              />
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
