import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNextPath } from '../../../core/safe-next.ts';
import { loginInput, loginSecondStep } from '../../../core/schemas/auth.schema.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useLogin, useLoginMethods, useLoginSecondStep, useSession } from './session.queries.ts';

const formId = 'login';
const fields = ['email', 'password', 'code'];

export function LoginPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const ssoRefusal = searchParams.get('sso');
  const navigate = useNavigate();
  const session = useSession();
  const methods = useLoginMethods();
  const login = useLogin();
  const secondStep = useLoginSecondStep();
  const form = useFormFailure(locale);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const secondStepHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (challenge) secondStepHeading.current?.focus();
  }, [challenge]);

  if (session.data && !login.isSuccess && !secondStep.isSuccess) return <Navigate to={next} replace />;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (login.isPending) return;
    const input = { email, password };
    const parsed = loginInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    login.mutate(input, {
      onSuccess: (answer) => {
        if ('twoFactorRequired' in answer) {
          form.clear();
          setCode('');
          setChallenge(answer.challenge);
          return;
        }
        navigate(next, { replace: true });
      },
      onError: form.fromError,
    });
  }

  function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (secondStep.isPending || !challenge) return;
    const input = { challenge, code };
    const parsed = loginSecondStep.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    secondStep.mutate(input, {
      onSuccess: () => navigate(next, { replace: true }),
      onError: (error) => {
        // Too slow or too many wrong codes: back to the password, with the reason.
        if (isApiError(error) && error.code === 'LOGIN_CHALLENGE_EXPIRED') {
          setChallenge(null);
          setPassword('');
        }
        form.fromError(error);
      },
    });
  }

  function startOver() {
    form.clear();
    setChallenge(null);
    setPassword('');
  }

  return (
    <div className="narrow">
      <PageHeader title={t('login.title')} lead={challenge ? undefined : t('login.lead')} />
      {ssoRefusal && !challenge ? (
        <Notice tone="error">
          {ssoRefusal === 'no_account' ? t('login.ssoNoAccount') : t('login.ssoFailed')}
        </Notice>
      ) : null}
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (fields.includes(field) ? fieldDomId(formId, field) : undefined)}
      />
      {challenge ? (
        <section aria-labelledby="second-step-heading">
          <h2 id="second-step-heading" ref={secondStepHeading} tabIndex={-1}>
            {t('login.secondStepHeading')}
          </h2>
          <p>{t('login.secondStepLead')}</p>
          <form className="form" onSubmit={submitCode} noValidate>
            <TextInputField
              id={fieldDomId(formId, 'code')}
              label={t('login.code')}
              description={t('login.codeHint')}
              autoComplete="one-time-code"
              value={code}
              onChange={setCode}
              error={form.errorFor('code')}
              width="medium"
              isRequired
            />
            <div className="form-actions">
              <SubmitButton isPending={secondStep.isPending}>{t('login.submitCode')}</SubmitButton>
              <Button className="button button-secondary" onPress={startOver}>
                {t('login.startOver')}
              </Button>
            </div>
          </form>
        </section>
      ) : (
        <>
          <form className="form" onSubmit={submit} noValidate>
            <TextInputField
              id={fieldDomId(formId, 'email')}
              label={t('login.email')}
              type="email"
              autoComplete="username"
              value={email}
              onChange={setEmail}
              error={form.errorFor('email')}
              isRequired
            />
            <TextInputField
              id={fieldDomId(formId, 'password')}
              label={t('login.password')}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={form.errorFor('password')}
              isRequired
            />
            <div className="form-actions">
              <SubmitButton isPending={login.isPending}>{t('login.submit')}</SubmitButton>
            </div>
          </form>
          {methods.data?.singleSignOn ? (
            <section aria-labelledby="sso-heading" className="login-sso">
              <h2 id="sso-heading">{t('login.ssoHeading')}</h2>
              <p>
                <a
                  className="button button-secondary"
                  href={`/api/auth/oidc/start?next=${encodeURIComponent(next)}`}
                >
                  {t('login.sso')}
                </a>
              </p>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
