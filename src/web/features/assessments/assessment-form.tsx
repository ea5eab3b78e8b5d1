import { type FormEvent, type ReactNode, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { todayInSweden } from '../../../core/dates.ts';
import { assessmentParticipantSides } from '../../../core/enums.ts';
import { languageCodes } from '../../../core/languages.ts';
import {
  type Assessment,
  type AssessmentInput,
  assessmentInput,
  drivingLicences,
  hasSensitive,
  proficiencyLevels,
  sfiCourses,
} from '../../../core/schemas/assessment.schema.ts';
import { isApiError } from '../../api/client.ts';
import { CheckboxField } from '../../components/checkbox-fields.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { Notice } from '../../components/notice.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useRecordAssessment } from './assessments.queries.ts';

const formId = 'assessment';
let nextKey = 0;
const key = () => `row-${++nextKey}`;

type Values = {
  basedOnRevision: number | null;
  meetingOn: string;
  summary: string;
  attendees: { key: string; side: string; name: string }[];
  swedish: { level: string; sfiCourse: string; comment: string };
  otherLanguages: { key: string; language: string; level: string }[];
  education: {
    levelCode: string;
    country: string;
    field: string;
    recognitionUnderWay: boolean;
    comment: string;
  };
  workExperience: { key: string; occupation: string; ssykCode: string; years: string }[];
  ownGoals: string;
  housing: string;
  childcare: string;
  leisureAndNetworks: string;
  drivingLicence: string;
  digitalSkills: string;
  economy: string;
  health: string;
  socialCircumstances: string;
};

/** The form starts from the current revision, so a new one changes only what the user changes. */
function valuesFrom(current: Assessment | null): Values {
  const a = current?.areas;
  const sensitive = current && hasSensitive(current) ? current.sensitive : null;
  return {
    basedOnRevision: current?.revision ?? null,
    meetingOn: todayInSweden(),
    summary: current?.summary ?? '',
    attendees: current?.attendees.map((p) => ({ key: key(), ...p })) ?? [
      { key: key(), side: 'participant', name: '' },
    ],
    swedish: {
      level: a?.swedish.level ?? '',
      sfiCourse: a?.swedish.sfiCourse ?? '',
      comment: a?.swedish.comment ?? '',
    },
    otherLanguages: a?.otherLanguages.map((l) => ({ key: key(), ...l })) ?? [],
    education: {
      levelCode: a?.education.levelCode ?? '',
      country: a?.education.country ?? '',
      field: a?.education.field ?? '',
      recognitionUnderWay: a?.education.recognitionUnderWay ?? false,
      comment: a?.education.comment ?? '',
    },
    workExperience:
      a?.workExperience.map((w) => ({
        key: key(),
        occupation: w.occupation,
        ssykCode: w.ssykCode ?? '',
        years: String(w.years),
      })) ?? [],
    ownGoals: a?.ownGoals ?? '',
    housing: a?.housing ?? '',
    childcare: a?.childcare ?? '',
    leisureAndNetworks: a?.leisureAndNetworks ?? '',
    drivingLicence: a?.drivingLicence ?? '',
    digitalSkills: a?.digitalSkills ?? '',
    economy: a?.economy ?? '',
    health: sensitive?.health ?? '',
    socialCircumstances: sensitive?.socialCircumstances ?? '',
  };
}

const orNull = <T extends string>(v: string) => (v === '' ? null : (v as T));

function toInput(v: Values, withSensitive: boolean): AssessmentInput {
  return {
    basedOnRevision: v.basedOnRevision,
    meetingOn: v.meetingOn,
    summary: v.summary,
    attendees: v.attendees.map(({ side, name }) => ({ side: side as 'participant', name })),
    areas: {
      swedish: {
        level: orNull(v.swedish.level),
        sfiCourse: orNull(v.swedish.sfiCourse),
        comment: v.swedish.comment,
      },
      otherLanguages: v.otherLanguages.map(({ language, level }) => ({
        language: language as 'sv',
        level: level as 'basic',
      })),
      education: {
        ...v.education,
        levelCode: orNull(v.education.levelCode.trim()),
        country: orNull(v.education.country.trim().toUpperCase()),
      },
      workExperience: v.workExperience.map((w) => ({
        occupation: w.occupation,
        ssykCode: orNull(w.ssykCode.trim()),
        years: w.years.trim() === '' ? Number.NaN : Number(w.years.replace(',', '.')),
      })),
      ownGoals: v.ownGoals,
      housing: v.housing,
      childcare: v.childcare,
      leisureAndNetworks: v.leisureAndNetworks,
      drivingLicence: orNull(v.drivingLicence),
      digitalSkills: orNull(v.digitalSkills),
      economy: v.economy,
    },
    // Only those who may see the sensitive part send it; the server carries it over for everyone else.
    ...(withSensitive ? { sensitive: { health: v.health, socialCircumstances: v.socialCircumstances } } : {}),
  };
}

export function AssessmentForm({
  participantId,
  current,
  sensitiveVisible,
  onSaved,
  onCancel,
}: {
  participantId: string;
  current: Assessment | null;
  sensitiveVisible: boolean;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const record = useRecordAssessment(participantId);
  const form = useFormFailure(locale);
  const [values, setValues] = useState(() => valuesFrom(current));
  const [conflictRevision, setConflictRevision] = useState<number | null>(null);
  const idFor = (path: string) => fieldDomId(formId, path);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const text = (path: string, label: string, value: string, onChange: (v: string) => void, hint?: string) => (
    <TextInputField
      id={idFor(path)}
      label={label}
      description={hint}
      error={form.errorFor(path)}
      value={value}
      onChange={onChange}
      dir="auto"
      multiline
    />
  );
  const levelOptions = proficiencyLevels.map((l) => ({ value: l, label: t(`proficiencyLevel.${l}`) }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    const input = toInput(values, sensitiveVisible);
    const parsed = assessmentInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    record.mutate(input, {
      onSuccess: () => {
        form.clear();
        onSaved();
      },
      onError: (error) => {
        // Keep what was typed, and start from the latest revision so the next save can succeed.
        if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
          const latest = (error.current as Assessment | null) ?? null;
          setValues((v) => ({ ...v, basedOnRevision: latest?.revision ?? null }));
          setConflictRevision(latest?.revision ?? null);
        }
        form.fromError(error);
      },
    });
  }

  return (
    <section className="panel" aria-labelledby="assessment-form-heading">
      <h2 id="assessment-form-heading">
        {current ? t('assessment.formHeadingRevision') : t('assessment.formHeadingFirst')}
      </h2>
      <p>{t('assessment.formLead')}</p>
      <ErrorSummary failure={form.failure} fieldId={(field) => idFor(field)} />
      {conflictRevision !== null ? (
        <Notice tone="warning">{t('assessment.conflictLead', { revision: conflictRevision })}</Notice>
      ) : null}
      <form className="form" onSubmit={submit} noValidate>
        <Section legend={t('assessment.meeting')}>
          <DateInputField
            id={idFor('meetingOn')}
            label={t('field.meetingOn')}
            error={form.errorFor('meetingOn')}
            value={values.meetingOn}
            onChange={(meetingOn) => set({ meetingOn })}
            isRequired
          />
          {values.attendees.map((p, index) => {
            const legend = t('assessment.attendee', { number: index + 1 });
            const update = (patch: Partial<typeof p>) =>
              set({ attendees: values.attendees.map((x, i) => (i === index ? { ...x, ...patch } : x)) });
            return (
              <fieldset key={p.key} className="panel">
                <legend className="field-label">{legend}</legend>
                <SelectField
                  id={idFor(`attendees.${index}.side`)}
                  label={t('field.side')}
                  error={form.errorFor(`attendees.${index}.side`)}
                  value={p.side}
                  onChange={(side) => update({ side })}
                  options={assessmentParticipantSides.map((s) => ({
                    value: s,
                    label: t(`assessmentSide.${s}`),
                  }))}
                  isRequired
                />
                <TextInputField
                  id={idFor(`attendees.${index}.name`)}
                  label={t('field.name')}
                  error={form.errorFor(`attendees.${index}.name`)}
                  value={p.name}
                  onChange={(name) => update({ name })}
                  dir="auto"
                  autoComplete="off"
                  isRequired
                />
                <RemoveButton
                  label={t('assessment.removeAttendee', { number: index + 1 })}
                  onPress={() => set({ attendees: values.attendees.filter((_, i) => i !== index) })}
                />
              </fieldset>
            );
          })}
          <Button
            className="button button-secondary"
            onPress={() =>
              set({ attendees: [...values.attendees, { key: key(), side: 'project_worker', name: '' }] })
            }
          >
            {t('assessment.addAttendee')}
          </Button>
          {text('summary', t('field.summary'), values.summary, (summary) => set({ summary }))}
        </Section>

        <Section legend={t('assessment.swedish')}>
          <SelectField
            id={idFor('areas.swedish.level')}
            label={t('field.level')}
            error={form.errorFor('areas.swedish.level')}
            value={values.swedish.level}
            onChange={(level) => set({ swedish: { ...values.swedish, level } })}
            options={levelOptions}
            placeholder={t('assessment.notChosen')}
          />
          <SelectField
            id={idFor('areas.swedish.sfiCourse')}
            label={t('field.sfiCourse')}
            error={form.errorFor('areas.swedish.sfiCourse')}
            value={values.swedish.sfiCourse}
            onChange={(sfiCourse) => set({ swedish: { ...values.swedish, sfiCourse } })}
            options={sfiCourses.map((c) => ({ value: c, label: t(`sfiCourse.${c}`) }))}
            placeholder={t('assessment.notChosen')}
          />
          {text('areas.swedish.comment', t('field.comment'), values.swedish.comment, (comment) =>
            set({ swedish: { ...values.swedish, comment } }),
          )}
        </Section>

        <Section legend={t('assessment.otherLanguages')}>
          {values.otherLanguages.map((l, index) => {
            const update = (patch: Partial<typeof l>) =>
              set({
                otherLanguages: values.otherLanguages.map((x, i) => (i === index ? { ...x, ...patch } : x)),
              });
            return (
              <fieldset key={l.key} className="panel">
                <legend className="field-label">{t('assessment.languageRow', { number: index + 1 })}</legend>
                <SelectField
                  id={idFor(`areas.otherLanguages.${index}.language`)}
                  label={t('field.language')}
                  error={form.errorFor(`areas.otherLanguages.${index}.language`)}
                  value={l.language}
                  onChange={(language) => update({ language })}
                  options={languageCodes.map((c) => ({
                    value: c,
                    label: t(`language.${c}` as 'language.sv'),
                  }))}
                  isRequired
                />
                <SelectField
                  id={idFor(`areas.otherLanguages.${index}.level`)}
                  label={t('field.level')}
                  error={form.errorFor(`areas.otherLanguages.${index}.level`)}
                  value={l.level}
                  onChange={(level) => update({ level })}
                  options={levelOptions}
                  isRequired
                />
                <RemoveButton
                  label={t('assessment.removeLanguage', { number: index + 1 })}
                  onPress={() => set({ otherLanguages: values.otherLanguages.filter((_, i) => i !== index) })}
                />
              </fieldset>
            );
          })}
          <Button
            className="button button-secondary"
            onPress={() =>
              set({
                otherLanguages: [...values.otherLanguages, { key: key(), language: 'ar', level: 'basic' }],
              })
            }
          >
            {t('assessment.addLanguage')}
          </Button>
        </Section>

        <Section legend={t('assessment.education')}>
          <TextInputField
            id={idFor('areas.education.levelCode')}
            label={t('field.levelCode')}
            description={t('assessment.levelCodeHint')}
            error={form.errorFor('areas.education.levelCode')}
            value={values.education.levelCode}
            onChange={(levelCode) => set({ education: { ...values.education, levelCode } })}
            inputMode="numeric"
            width="short"
            autoComplete="off"
          />
          <TextInputField
            id={idFor('areas.education.country')}
            label={t('field.country')}
            description={t('assessment.countryHint')}
            error={form.errorFor('areas.education.country')}
            value={values.education.country}
            onChange={(country) => set({ education: { ...values.education, country } })}
            width="short"
            autoComplete="off"
          />
          <TextInputField
            id={idFor('areas.education.field')}
            label={t('assessment.educationField')}
            error={form.errorFor('areas.education.field')}
            value={values.education.field}
            onChange={(field) => set({ education: { ...values.education, field } })}
            dir="auto"
          />
          <CheckboxField
            id={idFor('areas.education.recognitionUnderWay')}
            label={t('assessment.recognitionUnderWay')}
            isSelected={values.education.recognitionUnderWay}
            onChange={(recognitionUnderWay) =>
              set({ education: { ...values.education, recognitionUnderWay } })
            }
          />
          {text('areas.education.comment', t('field.comment'), values.education.comment, (comment) =>
            set({ education: { ...values.education, comment } }),
          )}
        </Section>

        <Section legend={t('assessment.workExperience')}>
          {values.workExperience.map((w, index) => {
            const update = (patch: Partial<typeof w>) =>
              set({
                workExperience: values.workExperience.map((x, i) => (i === index ? { ...x, ...patch } : x)),
              });
            return (
              <fieldset key={w.key} className="panel">
                <legend className="field-label">
                  {t('assessment.occupationRow', { number: index + 1 })}
                </legend>
                <TextInputField
                  id={idFor(`areas.workExperience.${index}.occupation`)}
                  label={t('field.occupation')}
                  error={form.errorFor(`areas.workExperience.${index}.occupation`)}
                  value={w.occupation}
                  onChange={(occupation) => update({ occupation })}
                  dir="auto"
                  isRequired
                />
                <TextInputField
                  id={idFor(`areas.workExperience.${index}.ssykCode`)}
                  label={t('field.ssykCode')}
                  description={t('assessment.ssykHint')}
                  error={form.errorFor(`areas.workExperience.${index}.ssykCode`)}
                  value={w.ssykCode}
                  onChange={(ssykCode) => update({ ssykCode })}
                  inputMode="numeric"
                  width="short"
                  autoComplete="off"
                />
                <TextInputField
                  id={idFor(`areas.workExperience.${index}.years`)}
                  label={t('field.years')}
                  error={form.errorFor(`areas.workExperience.${index}.years`)}
                  value={w.years}
                  onChange={(years) => update({ years })}
                  inputMode="numeric"
                  width="short"
                  autoComplete="off"
                  isRequired
                />
                <RemoveButton
                  label={t('assessment.removeOccupation', { number: index + 1 })}
                  onPress={() => set({ workExperience: values.workExperience.filter((_, i) => i !== index) })}
                />
              </fieldset>
            );
          })}
          <Button
            className="button button-secondary"
            onPress={() =>
              set({
                workExperience: [
                  ...values.workExperience,
                  { key: key(), occupation: '', ssykCode: '', years: '' },
                ],
              })
            }
          >
            {t('assessment.addOccupation')}
          </Button>
        </Section>

        <Section legend={t('assessment.goalsAndEveryday')}>
          {text('areas.ownGoals', t('assessment.ownGoals'), values.ownGoals, (ownGoals) => set({ ownGoals }))}
          {text('areas.housing', t('assessment.housing'), values.housing, (housing) => set({ housing }))}
          {text('areas.childcare', t('assessment.childcare'), values.childcare, (childcare) =>
            set({ childcare }),
          )}
          {text(
            'areas.leisureAndNetworks',
            t('assessment.leisureAndNetworks'),
            values.leisureAndNetworks,
            (v) => set({ leisureAndNetworks: v }),
          )}
          {text('areas.economy', t('assessment.economy'), values.economy, (economy) => set({ economy }))}
        </Section>

        <Section legend={t('assessment.skills')}>
          <SelectField
            id={idFor('areas.drivingLicence')}
            label={t('field.drivingLicence')}
            error={form.errorFor('areas.drivingLicence')}
            value={values.drivingLicence}
            onChange={(drivingLicence) => set({ drivingLicence })}
            options={drivingLicences.map((d) => ({ value: d, label: t(`drivingLicence.${d}`) }))}
            placeholder={t('assessment.notChosen')}
          />
          <SelectField
            id={idFor('areas.digitalSkills')}
            label={t('field.digitalSkills')}
            error={form.errorFor('areas.digitalSkills')}
            value={values.digitalSkills}
            onChange={(digitalSkills) => set({ digitalSkills })}
            options={levelOptions}
            placeholder={t('assessment.notChosen')}
          />
        </Section>

        {sensitiveVisible ? (
          <Section legend={t('assessment.sensitive')} hint={t('assessment.sensitiveLead')}>
            {text('sensitive.health', t('field.health'), values.health, (health) => set({ health }))}
            {text(
              'sensitive.socialCircumstances',
              t('field.socialCircumstances'),
              values.socialCircumstances,
              (v) => set({ socialCircumstances: v }),
            )}
          </Section>
        ) : null}

        <div className="form-actions">
          <SubmitButton isPending={record.isPending}>{t('assessment.submit')}</SubmitButton>
          <Button className="button button-secondary" onPress={onCancel}>
            {t('assessment.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function Section({ legend, hint, children }: { legend: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{legend}</legend>
      {hint ? <p className="field-description">{hint}</p> : null}
      <div className="stack">{children}</div>
    </fieldset>
  );
}

function RemoveButton({ label, onPress }: { label: string; onPress: () => void }) {
  return (
    <div className="row-actions">
      <Button className="button button-secondary button-small" onPress={onPress}>
        {label}
      </Button>
    </div>
  );
}
