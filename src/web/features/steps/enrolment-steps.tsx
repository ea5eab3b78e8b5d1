import { type FormEvent, useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { todayInSweden } from '../../../core/dates.ts';
import type { Enrolment } from '../../../core/schemas/enrolment.schema.ts';
import {
  type EnrolmentStep,
  type StepEndInput,
  type StepStartInput,
  stepEndInput,
  stepStartInput,
} from '../../../core/schemas/step.schema.ts';
import { CheckboxField } from '../../components/checkbox-fields.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { formatDate } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useProgramme } from '../programmes/programmes.queries.ts';
import { useEndStep, useStartStep, useToggleTick } from './steps.queries.ts';

/** An active enrolment's steps: the history, the checklist of each open step, and forms to start and end steps. */
export function EnrolmentSteps({ enrolment, mayWrite }: { enrolment: Enrolment; mayWrite: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [ending, setEnding] = useState<EnrolmentStep | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = enrolment.steps.filter((s) => s.endedOn === null);

  const columns: Column<EnrolmentStep>[] = [
    {
      key: 'step',
      header: t('steps.step'),
      isRowHeader: true,
      cell: (s) => `${s.ordinal}. ${s.name}`,
    },
    { key: 'startedOn', header: t('steps.startedOn'), cell: (s) => formatDate(s.startedOn) },
    {
      key: 'endedOn',
      header: t('steps.endedOn'),
      cell: (s) => (s.endedOn ? formatDate(s.endedOn) : t('steps.ongoing')),
    },
    ...(mayWrite
      ? [
          {
            key: 'actions',
            header: <span className="visually-hidden">{t('steps.endAction')}</span>,
            cell: (s: EnrolmentStep) =>
              s.endedOn === null ? (
                <Button
                  className="button button-secondary button-small"
                  aria-label={t('steps.endActionLabel', { ordinal: s.ordinal, name: s.name })}
                  onPress={() => {
                    setNotice(null);
                    setEnding(s);
                  }}
                >
                  {t('steps.endAction')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <section className="panel stack" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('steps.heading', { programme: enrolment.programmeName })}</h3>
      {notice ? (
        <Notice tone="success" live>
          {notice}
        </Notice>
      ) : null}
      <DataTable
        caption={t('steps.historyCaption', { programme: enrolment.programmeName })}
        captionHidden
        columns={columns}
        rows={enrolment.steps}
        rowKey={(s) => s.id}
        emptyText={t('enrolments.noCurrentSteps')}
      />
      {ending && mayWrite ? (
        <EndStepForm
          enrolment={enrolment}
          step={ending}
          onDone={(ended) => {
            setEnding(null);
            if (ended) setNotice(t('steps.ended'));
          }}
        />
      ) : null}
      {open
        .filter((s) => s.checklist.length > 0)
        .map((s) => (
          <Checklist key={s.id} participantId={enrolment.participantId} step={s} mayWrite={mayWrite} />
        ))}
      {mayWrite ? (
        <StartStepForm enrolment={enrolment} onStarted={() => setNotice(t('steps.started'))} />
      ) : null}
    </section>
  );
}

function Checklist({
  participantId,
  step,
  mayWrite,
}: {
  participantId: string;
  step: EnrolmentStep;
  mayWrite: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useFormFailure(locale);
  return (
    <fieldset className="fieldset">
      <legend>{t('steps.checklist', { ordinal: step.ordinal, name: step.name })}</legend>
      <ErrorSummary failure={form.failure} fieldId={() => undefined} />
      {step.checklist.map((item) => (
        <ChecklistItem
          key={item.itemId}
          participantId={participantId}
          step={step}
          item={item}
          mayWrite={mayWrite}
          form={form}
        />
      ))}
    </fieldset>
  );
}

function ChecklistItem({
  participantId,
  step,
  item,
  mayWrite,
  form,
}: {
  participantId: string;
  step: EnrolmentStep;
  item: EnrolmentStep['checklist'][number];
  mayWrite: boolean;
  form: ReturnType<typeof useFormFailure>;
}) {
  const { t } = useTranslation();
  const toggle = useToggleTick(participantId);
  // The box shows the new state at once while it saves; a failure puts it back and the summary says why.
  const [saving, setSaving] = useState<boolean | null>(null);
  return (
    <CheckboxField
      id={`tick-${step.id}-${item.itemId}`}
      label={item.label}
      isSelected={saving ?? item.tickedOn !== null}
      isDisabled={!mayWrite}
      onChange={(checked) => {
        if (saving !== null) return;
        setSaving(checked);
        toggle.mutate(
          { enrolmentStepId: step.id, itemId: item.itemId, tickedOn: checked ? todayInSweden() : null },
          { onSuccess: form.clear, onError: form.fromError, onSettled: () => setSaving(null) },
        );
      }}
      description={
        item.tickedOn && item.tickedByName
          ? t('steps.tickedBy', { date: formatDate(item.tickedOn), name: item.tickedByName })
          : t('steps.notTicked')
      }
    />
  );
}

function StartStepForm({ enrolment, onStarted }: { enrolment: Enrolment; onStarted: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const programme = useProgramme(enrolment.programmeId);
  const start = useStartStep(enrolment.participantId);
  const form = useFormFailure(locale);
  const formId = `start-step-${enrolment.id}`;
  const idFor = (name: string) => fieldDomId(formId, name);
  const [stepId, setStepId] = useState('');
  const [startedOn, setStartedOn] = useState(todayInSweden());
  const openIds = new Set(enrolment.steps.filter((s) => s.endedOn === null).map((s) => s.stepId));
  const choices = (programme.data?.steps ?? []).filter((s) => !openIds.has(s.id));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (start.isPending) return;
    const input: StepStartInput = { stepId, startedOn };
    const parsed = stepStartInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    start.mutate(
      { enrolmentId: enrolment.id, ...input },
      {
        onSuccess: () => {
          form.clear();
          setStepId('');
          onStarted();
        },
        onError: form.fromError,
      },
    );
  }

  return (
    <div className="stack">
      <h4 id={`${formId}-heading`}>{t('steps.startHeading')}</h4>
      <ErrorSummary failure={form.failure} fieldId={(field) => idFor(field)} />
      <form className="form" onSubmit={submit} noValidate aria-labelledby={`${formId}-heading`}>
        <SelectField
          id={idFor('stepId')}
          label={t('field.stepId')}
          error={form.errorFor('stepId')}
          value={stepId}
          onChange={setStepId}
          placeholder={t('steps.chooseStep')}
          options={choices.map((s) => ({ value: s.id, label: `${s.ordinal}. ${s.name}` }))}
          isRequired
        />
        <DateInputField
          id={idFor('startedOn')}
          label={t('field.startedOn')}
          error={form.errorFor('startedOn')}
          value={startedOn}
          onChange={setStartedOn}
          isRequired
        />
        <div className="form-actions">
          <SubmitButton isPending={start.isPending}>{t('steps.startSubmit')}</SubmitButton>
        </div>
      </form>
    </div>
  );
}

function EndStepForm({
  enrolment,
  step,
  onDone,
}: {
  enrolment: Enrolment;
  step: EnrolmentStep;
  onDone: (ended: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const end = useEndStep(enrolment.participantId);
  const form = useFormFailure(locale);
  const formId = `end-step-${step.id}`;
  const idFor = (name: string) => fieldDomId(formId, name);
  const [endedOn, setEndedOn] = useState(todayInSweden());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (end.isPending) return;
    const input: StepEndInput = { endedOn };
    const parsed = stepEndInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    end.mutate(
      { enrolmentStepId: step.id, ...input },
      { onSuccess: () => onDone(true), onError: form.fromError },
    );
  }

  return (
    <div className="stack">
      <h4 id={`${formId}-heading`}>{t('steps.endHeading', { ordinal: step.ordinal, name: step.name })}</h4>
      <ErrorSummary failure={form.failure} fieldId={(field) => idFor(field)} />
      <form className="form" onSubmit={submit} noValidate aria-labelledby={`${formId}-heading`}>
        <DateInputField
          id={idFor('endedOn')}
          label={t('field.endedOn')}
          error={form.errorFor('endedOn')}
          value={endedOn}
          onChange={setEndedOn}
          isRequired
        />
        <div className="form-actions">
          <SubmitButton isPending={end.isPending}>{t('steps.endSubmit')}</SubmitButton>
          <Button className="button button-secondary" onPress={() => onDone(false)}>
            {t('steps.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}
