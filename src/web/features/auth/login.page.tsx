import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { loginInput } from '../../../core/schemas/auth.schema.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useLogin, useSession } from './session.queries.ts';

const formId = 'login';
const fields = ['email', 'password'];

/** Only paths inside the app, so a crafted link cannot send the user elsewhere after login. */
function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/deltagare';
  return next;
}

export function LoginPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const form = useFormFailure(locale);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  if (session.data && !login.isSuccess) return <Navigate to={next} replace />;

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
      onSuccess: () => navigate(next, { replace: true }),
      onError: form.fromError,
    });
  }

  return (
    <div className="narrow">
      <PageHeader title={t('login.title')} lead={t('login.lead')} />
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (fields.includes(field) ? fieldDomId(formId, field) : undefined)}
      />
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
    </div>
  );
}
