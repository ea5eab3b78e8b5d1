import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SurveyQuestionKind, surveyQuestionKinds } from '../../../core/enums.ts';
import { type Survey, surveyLanguageCodes, surveyUpdateInput } from '../../../core/schemas/survey.schema.ts';
import { CheckboxField } from '../../components/checkbox-fields.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { Notice } from '../../components/notice.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { isRightToLeft } from './respondent-texts.ts';

export type QuestionValues = {
  /** A React key that survives reordering. */
  key: string;
  id?: string;
  kind: SurveyQuestionKind;
  required: boolean;
  texts: Record<string, string>;
  answered: boolean;
};

export type SurveyFormValues = {
  languages: string[];
  titles: Record<string, string>;
  questions: QuestionValues[];
};

let keySerial = 0;
function newKey(): string {
  keySerial += 1;
  return `q${keySerial}`;
}

export function emptySurveyValues(): SurveyFormValues {
  return {
    languages: ['sv'],
    titles: {},
    questions: [{ key: newKey(), kind: 'scale', required: true, texts: {}, answered: false }],
  };
}

export function surveyValues(survey: Survey): SurveyFormValues {
  return {
    languages: survey.languages,
    titles: survey.titles,
    questions: survey.questions.map((q) => ({
      key: q.id,
      id: q.id,
      kind: q.kind,
      required: q.required,
      texts: q.texts,
      answered: q.answered,
    })),
  };
}

/** What the API takes, from what the form holds. */
export function surveyPayload(values: SurveyFormValues) {
  return {
    languages: values.languages,
    titles: values.titles,
    questions: values.questions.map((q) => ({
      ...(q.id ? { id: q.id } : {}),
      kind: q.kind,
      required: q.required,
      texts: q.texts,
    })),
  };
}

const formId = 'survey';

/**
 * The survey builder: languages, a title per language, and questions that are added, removed and moved with
 * buttons (so the keyboard does it all), each with its kind, whether it must be answered and its text in every
 * language offered. Validated by the same schema as the endpoint.
 */
export function SurveyForm({
  initial,
  submitLabel,
  isPending,
  onSubmit,
  notice,
}: {
  initial: SurveyFormValues;
  submitLabel: string;
  isPending: boolean;
  /** Saves; a rejection carries the server's field errors. */
  onSubmit: (values: SurveyFormValues) => Promise<unknown>;
  notice?: string | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { failure, fromIssues, fromError, errorFor, clear } = useFormFailure(locale);
  // An error of the list as a whole (an answered question removed), not of one of its questions.
  const listError = failure?.fields.find((f) => f.field === 'questions')?.message;
  const [values, setValues] = useState(initial);
  const [adding, setAdding] = useState('');
  const languageName = (code: string) => t(`language.${code}` as 'language.sv');
  const lowerName = (code: string) =>
    locale === 'sv' ? languageName(code).toLowerCase() : languageName(code);
  const id = (path: string) => fieldDomId(formId, path);

  const setQuestion = (index: number, change: Partial<QuestionValues>) =>
    setValues((v) => ({
      ...v,
      questions: v.questions.map((q, i) => (i === index ? { ...q, ...change } : q)),
    }));
  const move = (index: number, by: -1 | 1) => {
    setValues((v) => {
      const questions = [...v.questions];
      const [moved] = questions.splice(index, 1);
      if (moved) questions.splice(index + by, 0, moved);
      return { ...v, questions };
    });
    // Focus follows the question, so the next press moves it again.
    requestAnimationFrame(() =>
      document.getElementById(`${formId}-move-${by < 0 ? 'up' : 'down'}-${index + by}`)?.focus(),
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isPending) return;
    const parsed = surveyUpdateInput.safeParse({ version: 1, ...surveyPayload(values) });
    if (!parsed.success) return fromIssues(parsed.error.issues);
    clear();
    try {
      await onSubmit(values);
    } catch (error) {
      fromError(error);
    }
  };

  const addable = surveyLanguageCodes.filter((l) => !values.languages.includes(l));

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`} className="visually-hidden">
        {submitLabel}
      </h2>
      <ErrorSummary
        failure={failure}
        fieldId={(field) => (document.getElementById(id(field)) ? id(field) : undefined)}
      />
      {notice ? (
        <Notice tone="success" live>
          {notice}
        </Notice>
      ) : null}
      <p className="muted">{t('common.requiredNote')}</p>

      <fieldset className="fieldset">
        <legend className="field-label">{t('surveyForm.languagesHeading')}</legend>
        <p className="field-description">{t('surveyForm.languagesHelp')}</p>
        <ul className="survey-languages">
          {values.languages.map((code) => (
            <li key={code} className="survey-language">
              <span>{languageName(code)}</span>
              {code === 'sv' ? null : (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() =>
                    setValues((v) => ({ ...v, languages: v.languages.filter((l) => l !== code) }))
                  }
                >
                  {t('surveyForm.removeLanguage', { language: languageName(code) })}
                </button>
              )}
            </li>
          ))}
        </ul>
        {addable.length > 0 ? (
          <div className="field-row">
            <SelectField
              id={`${formId}-add-language`}
              label={t('surveyForm.addLanguage')}
              value={adding}
              onChange={setAdding}
              placeholder={t('common.choose')}
              options={addable.map((code) => ({ value: code, label: languageName(code) }))}
            />
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                if (!adding) return;
                setValues((v) => ({ ...v, languages: [...v.languages, adding] }));
                setAdding('');
              }}
            >
              {t('surveyForm.addLanguageButton')}
            </button>
          </div>
        ) : null}
      </fieldset>

      {values.languages.map((code) => (
        <div key={code} lang={code} dir={isRightToLeft(code) ? 'rtl' : undefined}>
          <TextInputField
            id={id(`titles.${code}`)}
            label={t('surveyForm.titleIn', { language: lowerName(code) })}
            isRequired
            value={values.titles[code] ?? ''}
            onChange={(text) => setValues((v) => ({ ...v, titles: { ...v.titles, [code]: text } }))}
            error={errorFor(`titles.${code}`)}
          />
        </div>
      ))}

      <h3>{t('surveyForm.questionsHeading')}</h3>
      {listError ? (
        <p className="field-error" id={id('questions')}>
          {listError}
        </p>
      ) : null}
      <ol className="survey-questions">
        {values.questions.map((q, index) => {
          const number = index + 1;
          const path = `questions.${index}`;
          return (
            <li key={q.key}>
              <fieldset className="fieldset survey-question" id={id(path)}>
                <legend className="field-label">{t('surveyForm.question', { number })}</legend>
                {q.answered ? <p className="field-description">{t('surveyForm.answeredNote')}</p> : null}
                <SelectField
                  id={id(`${path}.kind`)}
                  label={t('surveyForm.kind')}
                  value={q.kind}
                  isDisabled={q.answered}
                  onChange={(kind) => setQuestion(index, { kind: kind as SurveyQuestionKind })}
                  options={surveyQuestionKinds.map((k) => ({
                    value: k,
                    label: t(`surveyQuestionKind.${k}`),
                  }))}
                  error={errorFor(`${path}.kind`)}
                />
                <CheckboxField
                  id={id(`${path}.required`)}
                  label={t('surveyForm.required')}
                  isSelected={q.required}
                  onChange={(required) => setQuestion(index, { required })}
                />
                {values.languages.map((code) => (
                  <div key={code} lang={code} dir={isRightToLeft(code) ? 'rtl' : undefined}>
                    <TextInputField
                      id={id(`${path}.texts.${code}`)}
                      label={t('surveyForm.textIn', { language: lowerName(code) })}
                      isRequired
                      value={q.texts[code] ?? ''}
                      onChange={(text) => setQuestion(index, { texts: { ...q.texts, [code]: text } })}
                      error={errorFor(`${path}.texts.${code}`)}
                    />
                  </div>
                ))}
                <div className="form-actions">
                  <button
                    type="button"
                    id={`${formId}-move-up-${index}`}
                    className="button button-secondary button-small"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    {t('surveyForm.moveUp', { number })}
                  </button>
                  <button
                    type="button"
                    id={`${formId}-move-down-${index}`}
                    className="button button-secondary button-small"
                    disabled={index === values.questions.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    {t('surveyForm.moveDown', { number })}
                  </button>
                  {q.answered ? null : (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() =>
                        setValues((v) => ({ ...v, questions: v.questions.filter((_, i) => i !== index) }))
                      }
                    >
                      {t('surveyForm.remove', { number })}
                    </button>
                  )}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            setValues((v) => ({
              ...v,
              questions: [
                ...v.questions,
                { key: newKey(), kind: 'scale', required: false, texts: {}, answered: false },
              ],
            }))
          }
        >
          {t('surveyForm.addQuestion')}
        </button>
        <SubmitButton isPending={isPending}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
