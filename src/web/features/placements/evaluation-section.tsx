import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { todayInSweden } from '../../../core/dates.ts';
import { type PlacementEvaluationKind, placementEvaluationAreas } from '../../../core/enums.ts';
import { midpoint, placementAllows } from '../../../core/placement.ts';
import {
  type EvaluationInput,
  evaluationInput,
  type Placement,
  type PlacementEvaluation,
} from '../../../core/schemas/placement.schema.ts';
import { DescriptionList } from '../../components/description-list.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { formatDate } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useSaveEvaluation } from './placements.queries.ts';

type Ratings = Record<(typeof placementEvaluationAreas)[number], string>;
const ratingValues = ['1', '2', '3', '4', '5'] as const;

/** The mid-point or final evaluation with the supervisor: read it, or record it and change it later. */
export function EvaluationSection({
  placement,
  kind,
  mayWrite,
}: {
  placement: Placement;
  kind: PlacementEvaluationKind;
  mayWrite: boolean;
}) {
  const { t } = useTranslation();
  const evaluation = placement.evaluations.find((e) => e.kind === kind) ?? null;
  const [isEditing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const headingId = `evaluation-${kind}-heading`;
  const mayEvaluate = mayWrite && placementAllows(placement.status, 'evaluate');
  return (
    <section aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>{t(`evaluation.heading.${kind}`)}</h2>
        {mayEvaluate && !isEditing ? (
          <Button
            className="button button-secondary"
            onPress={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {evaluation ? t('evaluation.edit') : t('evaluation.record')}
          </Button>
        ) : null}
      </div>
      {saved ? (
        <Notice tone="success" live>
          {t('evaluation.savedNotice')}
        </Notice>
      ) : null}
      {isEditing ? (
        <EvaluationForm
          placement={placement}
          kind={kind}
          evaluation={evaluation}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : evaluation ? (
        <EvaluationView evaluation={evaluation} />
      ) : (
        <p>
          {kind === 'midpoint'
            ? t('evaluation.midpointDue', { date: midpoint(placement.startsOn, placement.endsOn) })
            : t('evaluation.finalDue', { date: placement.endsOn })}
        </p>
      )}
    </section>
  );
}

function EvaluationView({ evaluation }: { evaluation: PlacementEvaluation }) {
  const { t } = useTranslation();
  return (
    <DescriptionList
      emptyLabel={t('evaluation.notRated')}
      items={[
        { key: 'heldOn', term: t('field.heldOn'), value: formatDate(evaluation.heldOn) },
        ...placementEvaluationAreas.map((area) => {
          const rating = evaluation.ratings[area];
          return {
            key: area,
            term: t(`field.${area}`),
            value: rating ? t(`evaluation.rating.r${rating as 1 | 2 | 3 | 4 | 5}`) : null,
          };
        }),
        {
          key: 'summary',
          term: t('field.summary'),
          value: (
            <span className="journal-text" dir="auto">
              {evaluation.summary}
            </span>
          ),
        },
        {
          key: 'nextSteps',
          term: t('field.nextSteps'),
          value: evaluation.nextSteps ? <span dir="auto">{evaluation.nextSteps}</span> : null,
        },
        { key: 'recordedBy', term: t('evaluation.recordedBy'), value: evaluation.recordedByName },
      ]}
    />
  );
}

function EvaluationForm({
  placement,
  kind,
  evaluation,
  onDone,
}: {
  placement: Placement;
  kind: PlacementEvaluationKind;
  evaluation: PlacementEvaluation | null;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveEvaluation(placement.id);
  const form = useFormFailure(locale);
  const formId = `evaluation-${kind}`;
  const idFor = (field: string) => fieldDomId(formId, field);
  const [heldOn, setHeldOn] = useState(evaluation?.heldOn ?? todayInSweden());
  const [ratings, setRatings] = useState<Ratings>(
    () =>
      Object.fromEntries(
        placementEvaluationAreas.map((a) => [a, evaluation?.ratings[a] ? String(evaluation.ratings[a]) : '']),
      ) as Ratings,
  );
  const [summary, setSummary] = useState(evaluation?.summary ?? '');
  const [nextSteps, setNextSteps] = useState(evaluation?.nextSteps ?? '');
  const ratingOptions = ratingValues.map((v) => ({ value: v, label: t(`evaluation.rating.r${v}`) }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const input: EvaluationInput = {
      heldOn,
      ratings: Object.fromEntries(
        placementEvaluationAreas.map((a) => [a, ratings[a] === '' ? null : Number(ratings[a])]),
      ) as EvaluationInput['ratings'],
      summary,
      nextSteps,
      version: evaluation?.version ?? null,
    };
    const parsed = evaluationInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    save.mutate({ kind, ...input }, { onSuccess: () => onDone(true), onError: form.fromError });
  }

  const fields = new Set(['heldOn', 'summary', 'nextSteps', ...placementEvaluationAreas]);
  return (
    <>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => {
          const leaf = field.split('.').at(-1) ?? field;
          return fields.has(leaf) ? idFor(leaf) : undefined;
        }}
      />
      <form className="form" onSubmit={submit} noValidate aria-label={t(`evaluation.heading.${kind}`)}>
        <DateInputField
          id={idFor('heldOn')}
          label={t('field.heldOn')}
          error={form.errorFor('heldOn')}
          value={heldOn}
          onChange={setHeldOn}
          isRequired
        />
        <fieldset className="form-section">
          <legend className="form-section-title">{t('evaluation.ratingsLegend')}</legend>
          <p className="field-description">{t('evaluation.ratingsHint')}</p>
          <div className="field-row">
            {placementEvaluationAreas.map((area) => (
              <SelectField
                key={area}
                id={idFor(area)}
                label={t(`field.${area}`)}
                error={form.errorFor(`ratings.${area}`)}
                value={ratings[area]}
                onChange={(value) => setRatings((current) => ({ ...current, [area]: value }))}
                placeholder={t('evaluation.notRated')}
                options={ratingOptions}
              />
            ))}
          </div>
        </fieldset>
        <TextInputField
          id={idFor('summary')}
          label={t('field.summary')}
          description={t('evaluation.summaryHint')}
          error={form.errorFor('summary')}
          value={summary}
          onChange={setSummary}
          multiline
          isRequired
        />
        <TextInputField
          id={idFor('nextSteps')}
          label={t('field.nextSteps')}
          error={form.errorFor('nextSteps')}
          value={nextSteps}
          onChange={setNextSteps}
          multiline
        />
        <div className="form-actions">
          <SubmitButton isPending={save.isPending}>{t('evaluation.submit')}</SubmitButton>
          <Button className="button button-secondary" onPress={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}
