import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { PublicSurvey } from '../../../core/schemas/survey.schema.ts';
import { textIn } from '../../../core/survey.ts';
import { isApiError } from '../../api/client.ts';
import { isRightToLeft, languageSelfNames, respondentTexts } from './respondent-texts.ts';
import { useAnswerSurvey, usePublicSurvey } from './surveys.queries.ts';

type Answer = { scale?: number; yes?: boolean; text?: string };

/**
 * Where a participant answers, from a link or QR code, without logging in and outside the staff app: no staff
 * navigation, the language chosen among the survey's, right to left where the language is written so.
 */
export function PublicSurveyPage() {
  const { token = '' } = useParams();
  const survey = usePublicSurvey(token);
  const fallback = respondentTexts('sv');

  if (survey.isPending || survey.isError) {
    const message = survey.isPending
      ? fallback.texts.loading
      : isApiError(survey.error) && survey.error.status === 404
        ? fallback.texts.notFound
        : fallback.texts.failed;
    return (
      <PublicFrame title="Stegvis">
        <p role={survey.isPending ? 'status' : 'alert'}>{message}</p>
      </PublicFrame>
    );
  }
  return <SurveyAnswering token={token} survey={survey.data} />;
}

function PublicFrame({ title, children }: { title: string; children: React.ReactNode }) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <>
      <header className="site-header">
        <div className="container header-inner">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true" />
            Stegvis
          </span>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container main public-survey">
        {children}
      </main>
    </>
  );
}

function SurveyAnswering({ token, survey }: { token: string; survey: PublicSurvey }) {
  // Swedish first, as the group leader presents it; each respondent switches to the language they read best.
  const [language, setLanguage] = useState(survey.languages[0] ?? 'sv');
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [errors, setErrors] = useState<Record<string, 'answerRequired' | 'invalidAnswer'>>({});
  const [failed, setFailed] = useState(false);
  const send = useAnswerSurvey(token);
  const summaryRef = useRef<HTMLDivElement>(null);
  const thanksRef = useRef<HTMLHeadingElement>(null);
  const { lang, texts } = respondentTexts(language);
  const dir = isRightToLeft(language) ? 'rtl' : 'ltr';
  const title = textIn(survey.titles, language);
  const errorCount = Object.keys(errors).length;

  useEffect(() => {
    if (errorCount > 0) summaryRef.current?.focus();
  }, [errorCount]);
  useEffect(() => {
    if (send.isSuccess) thanksRef.current?.focus();
  }, [send.isSuccess]);

  const set = (questionId: string, answer: Answer) => {
    setAnswers((a) => ({ ...a, [questionId]: answer }));
    setErrors(({ [questionId]: _, ...rest }) => rest);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (send.isPending) return;
    const missing = Object.fromEntries(
      survey.questions
        .filter((q) => q.required && !isAnswered(answers[q.id]))
        .map((q) => [q.id, 'answerRequired' as const]),
    );
    setErrors(missing);
    setFailed(false);
    if (Object.keys(missing).length > 0) return;
    const given = survey.questions.flatMap((q) => {
      const a = answers[q.id];
      return a && isAnswered(a) ? [{ questionId: q.id, ...a }] : [];
    });
    send.mutate(
      { language, answers: given },
      {
        onError: (error) => {
          // The server's field errors name the question by its place (questions.2) or the answer's (answers.0).
          const fromServer: Record<string, 'answerRequired' | 'invalidAnswer'> = {};
          for (const field of isApiError(error) ? error.fields : []) {
            const [list, index] = field.field.split('.');
            const question =
              list === 'questions'
                ? survey.questions[Number(index)]
                : list === 'answers'
                  ? survey.questions.find((q) => q.id === given[Number(index)]?.questionId)
                  : undefined;
            if (question)
              fromServer[question.id] = field.code === 'required' ? 'answerRequired' : 'invalidAnswer';
          }
          if (Object.keys(fromServer).length > 0) setErrors(fromServer);
          else setFailed(true);
        },
      },
    );
  };

  if (send.isSuccess) {
    return (
      <PublicFrame title={texts.thanksTitle}>
        <div lang={lang} dir={dir}>
          <h1 ref={thanksRef} tabIndex={-1} className="page-title">
            {texts.thanksTitle}
          </h1>
          <p>{texts.thanksBody}</p>
          <p>{texts.anonymous}</p>
        </div>
      </PublicFrame>
    );
  }

  return (
    <PublicFrame title={title}>
      <fieldset className="survey-language-switch">
        <legend className="visually-hidden" lang={lang}>
          {texts.language}
        </legend>
        {survey.languages.map((code) => (
          <button
            key={code}
            type="button"
            lang={code}
            className="button button-secondary button-small"
            aria-pressed={code === language}
            onClick={() => setLanguage(code)}
          >
            {languageSelfNames[code] ?? code}
          </button>
        ))}
      </fieldset>
      <form
        onSubmit={submit}
        noValidate
        lang={language}
        dir={dir}
        className="survey-answer-form"
        aria-labelledby="survey-title"
      >
        <h1 id="survey-title" className="page-title">
          {title}
        </h1>
        <p lang={lang}>{texts.anonymous}</p>
        <p lang={lang} className="muted">
          {texts.requiredNote}
        </p>
        {errorCount > 0 ? (
          <div className="error-summary" tabIndex={-1} ref={summaryRef} lang={lang}>
            <div role="alert">
              <h2 className="error-summary-title">{texts.errorTitle}</h2>
              <ul className="error-summary-list">
                {survey.questions.map((q, index) =>
                  errors[q.id] ? (
                    <li key={q.id}>
                      <a
                        href={`#question-${q.id}`}
                        onClick={(event) => {
                          const first = document.querySelector<HTMLElement>(
                            `#question-${q.id} input, #question-${q.id} textarea`,
                          );
                          if (first) {
                            event.preventDefault();
                            first.focus();
                          }
                        }}
                      >
                        <span lang={language}>
                          {index + 1}. {textIn(q.texts, language)}
                        </span>
                        : {texts[errors[q.id] ?? 'answerRequired']}
                      </a>
                    </li>
                  ) : null,
                )}
              </ul>
            </div>
          </div>
        ) : null}
        {failed ? (
          <p role="alert" lang={lang} className="notice notice-error">
            {texts.failed}
          </p>
        ) : null}
        <ol className="survey-answer-questions">
          {survey.questions.map((q) => (
            <li key={q.id}>
              <Question
                question={q}
                text={textIn(q.texts, language)}
                answer={answers[q.id]}
                error={errors[q.id] ? texts[errors[q.id] ?? 'answerRequired'] : undefined}
                texts={texts}
                lang={lang}
                onChange={(a) => set(q.id, a)}
              />
            </li>
          ))}
        </ol>
        <button type="submit" className="button button-primary" lang={lang}>
          {texts.submit}
        </button>
      </form>
    </PublicFrame>
  );
}

function isAnswered(answer: Answer | undefined): boolean {
  return (
    answer !== undefined && (answer.scale !== undefined || answer.yes !== undefined || !!answer.text?.trim())
  );
}

function Question({
  question,
  text,
  answer,
  error,
  texts,
  lang,
  onChange,
}: {
  question: PublicSurvey['questions'][number];
  text: string;
  answer: Answer | undefined;
  error: string | undefined;
  texts: ReturnType<typeof respondentTexts>['texts'];
  lang: string;
  onChange: (answer: Answer) => void;
}) {
  const domId = `question-${question.id}`;
  const errorId = `${domId}-error`;
  const marker = question.required ? (
    <span className="required-marker" aria-hidden="true">
      {' '}
      *
    </span>
  ) : null;
  const errorText = error ? (
    <p id={errorId} className="field-error" lang={lang}>
      {error}
    </p>
  ) : null;

  if (question.kind === 'free_text') {
    return (
      <div className="field" id={domId} data-invalid={error ? true : undefined}>
        <label className="field-label" htmlFor={`${domId}-text`}>
          {text}
          {marker}
        </label>
        {errorText}
        <textarea
          id={`${domId}-text`}
          className="input textarea"
          rows={4}
          maxLength={2000}
          dir="auto"
          required={question.required}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          value={answer?.text ?? ''}
          onChange={(event) => onChange({ text: event.target.value })}
        />
      </div>
    );
  }

  const options =
    question.kind === 'scale'
      ? texts.scale.map((label, i) => ({ key: String(i + 1), label, answer: { scale: i + 1 } }))
      : [
          { key: 'yes', label: texts.yes, answer: { yes: true } },
          { key: 'no', label: texts.no, answer: { yes: false } },
        ];
  const checked = (a: Answer) =>
    a.scale !== undefined ? answer?.scale === a.scale : answer?.yes !== undefined && answer.yes === a.yes;
  return (
    <fieldset
      className="field fieldset survey-answer"
      id={domId}
      aria-describedby={error ? errorId : undefined}
      data-invalid={error ? true : undefined}
    >
      <legend className="field-label">
        {text}
        {marker}
      </legend>
      {errorText}
      <div className={question.kind === 'scale' ? 'survey-scale' : 'survey-yes-no'}>
        {options.map((option) => (
          <label key={option.key} className="checkbox" lang={lang}>
            <input
              type="radio"
              className="radio-input"
              name={domId}
              value={option.key}
              required={question.required}
              aria-invalid={error ? true : undefined}
              checked={checked(option.answer)}
              onChange={() => onChange(option.answer)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
