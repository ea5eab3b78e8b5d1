import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type OwnSession, type PasswordChange, passwordChange } from '../../../core/schemas/auth.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, QueryState } from '../../components/query-state.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useLogout, useSession } from '../auth/session.queries.ts';
import { useChangePassword, useEndSession, useOwnSessions } from './account.queries.ts';
import { browserName } from './browser-name.ts';
import { TwoFactorPanel } from './two-factor-panel.tsx';

/** Mitt konto: one's own password, two-step verification and the browsers where one is logged in. */
export function AccountPage() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const session = useSession();
  return (
    <>
      <PageHeader title={t('account.title')} lead={t('account.lead')} />
      {notice ? (
        <Notice tone="success" live>
          {notice}
        </Notice>
      ) : null}
      {session.data?.mustEnrolTwoFactor ? (
        <Notice tone="warning">{t('account.twoFactorRequired')}</Notice>
      ) : null}
      <PasswordForm onChanged={() => setNotice(t('account.passwordChanged'))} />
      <TwoFactorPanel onChanged={setNotice} />
      <Sessions onEnded={() => setNotice(t('account.ended'))} />
    </>
  );
}

const formId = 'password';
const knownFields = new Set(['currentPassword', 'newPassword']);
const empty: PasswordChange = { currentPassword: '', newPassword: '' };

function PasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const change = useChangePassword();
  const form = useFormFailure(locale);
  const [values, setValues] = useState(empty);
  const idFor = (name: string) => fieldDomId(formId, name);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const parsed = passwordChange.safeParse(values);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    change.mutate(values, {
      onSuccess: () => {
        form.clear();
        setValues(empty);
        onChanged();
      },
      onError: form.fromError,
    });
  }

  return (
    <section className="panel" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('account.passwordHeading')}</h2>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (knownFields.has(field) ? idFor(field) : undefined)}
      />
      <form className="form" onSubmit={submit} noValidate>
        <TextInputField
          id={idFor('currentPassword')}
          label={t('field.currentPassword')}
          type="password"
          autoComplete="current-password"
          error={form.errorFor('currentPassword')}
          value={values.currentPassword}
          onChange={(currentPassword) => setValues((v) => ({ ...v, currentPassword }))}
          width="medium"
          isRequired
        />
        <TextInputField
          id={idFor('newPassword')}
          label={t('field.newPassword')}
          type="password"
          autoComplete="new-password"
          description={t('account.passwordHint')}
          error={form.errorFor('newPassword')}
          value={values.newPassword}
          onChange={(newPassword) => setValues((v) => ({ ...v, newPassword }))}
          width="medium"
          isRequired
        />
        <SubmitButton isPending={change.isPending}>{t('account.passwordSubmit')}</SubmitButton>
      </form>
    </section>
  );
}

function Sessions({ onEnded }: { onEnded: () => void }) {
  const { t } = useTranslation();
  const sessions = useOwnSessions();
  const end = useEndSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);

  const endSession = (session: OwnSession) => {
    setError(null);
    if (session.current) {
      logout.mutate(undefined, { onSettled: () => navigate('/login') });
      return;
    }
    end.mutate(session.id, { onSuccess: onEnded, onError: setError });
  };

  const columns: Column<OwnSession>[] = [
    {
      key: 'browser',
      header: t('account.browser'),
      isRowHeader: true,
      cell: (s) => {
        const named = browserName(s.userAgent);
        const text = named
          ? [named.browser, named.system].filter(Boolean).join(', ')
          : t('account.unknownBrowser');
        return (
          <>
            {text}
            {s.current ? <span className="badge badge-success">{t('account.thisBrowser')}</span> : null}
          </>
        );
      },
    },
    { key: 'createdAt', header: t('account.loggedInAt'), cell: (s) => formatDateTime(s.createdAt) },
    { key: 'lastSeenAt', header: t('account.lastSeenAt'), cell: (s) => formatDateTime(s.lastSeenAt) },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (s) => (
        <Button
          className="button button-secondary button-small"
          onPress={() => endSession(s)}
          isDisabled={end.isPending || logout.isPending}
        >
          {t('account.endSession')}
          <span className="visually-hidden">
            {' '}
            {formatDateTime(s.createdAt)}
            {s.current ? `, ${t('account.thisBrowser')}` : ''}
          </span>
        </Button>
      ),
    },
  ];

  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('account.sessionsHeading')}</h2>
      <p>{t('account.sessionsLead')}</p>
      {error ? <ErrorState error={error} /> : null}
      <QueryState query={sessions}>
        {(data) => (
          <DataTable
            caption={t('account.sessionsHeading')}
            captionHidden
            columns={columns}
            rows={data.items}
            rowKey={(s) => s.id}
            emptyText={t('account.sessionsHeading')}
          />
        )}
      </QueryState>
    </section>
  );
}
