import { type FormEvent, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '../../../core/enums.ts';
import { can } from '../../../core/permissions.ts';
import { type User, type UserInput, userInput } from '../../../core/schemas/auth.schema.ts';
import { CheckboxGroupField } from '../../components/checkbox-fields.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, QueryState } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useCollator, useLocale } from '../../i18n/index.ts';
import { useRoleOptions, useSortedByName } from '../../i18n/options.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { ResetPasswordDialog } from './reset-password-dialog.tsx';
import { useCreateUser, useUpdateUser, useUsers } from './users.queries.ts';

export function UserAdminPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isAdmin = can(user.role, 'user.manage');
  const users = useUsers(isAdmin);
  const [notice, setNotice] = useState<string | null>(null);

  if (!isAdmin) {
    return (
      <>
        <PageHeader title={t('users.title')} />
        <Notice tone="warning">{t('common.noPermission')}</Notice>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('users.title')} lead={t('users.lead')} />
      {notice ? (
        <Notice tone="success" live>
          {notice}
        </Notice>
      ) : null}
      <section>
        <h2 id="users-heading">{t('users.listHeading')}</h2>
        <QueryState query={users}>
          {(data) => <UserTable users={data.items} onChanged={setNotice} />}
        </QueryState>
      </section>
      <CreateUserForm onCreated={(name) => setNotice(t('users.created', { name }))} />
    </>
  );
}

function UserTable({ users, onChanged }: { users: User[]; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const collator = useCollator();
  const update = useUpdateUser();
  const [error, setError] = useState<unknown>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const centreNames = useMemo(() => new Map(me.centres.map((c) => [c.id, c.name])), [me.centres]);
  const sorted = useMemo(
    () => [...users].sort((a, b) => collator.compare(a.name, b.name)),
    [users, collator],
  );

  const toggle = (u: User) => {
    setError(null);
    update.mutate(
      { id: u.id, disabled: !u.disabled },
      {
        onSuccess: (saved) =>
          onChanged(
            saved.disabled
              ? t('users.disabledDone', { name: saved.name })
              : t('users.enabledDone', { name: saved.name }),
          ),
        onError: setError,
      },
    );
  };

  const resetTwoFactor = (u: User) => {
    setError(null);
    update.mutate(
      { id: u.id, resetTwoFactor: true },
      {
        onSuccess: (saved) => onChanged(t('users.twoFactorResetDone', { name: saved.name })),
        onError: setError,
      },
    );
  };

  const columns: Column<User>[] = [
    { key: 'name', header: t('field.name'), isRowHeader: true, cell: (u) => u.name },
    { key: 'email', header: t('field.email'), cell: (u) => u.email },
    { key: 'role', header: t('field.role'), cell: (u) => t(`role.${u.role}`) },
    {
      key: 'centres',
      header: t('field.centreIds'),
      cell: (u) =>
        u.centreIds
          .map((id) => centreNames.get(id) ?? t('users.otherCentre'))
          .sort(collator.compare)
          .join(', '),
    },
    {
      key: 'status',
      header: t('field.status'),
      cell: (u) => (
        <>
          {u.disabled ? (
            <span className="badge badge-neutral">{t('users.disabled')}</span>
          ) : (
            <span className="badge badge-success">{t('users.active')}</span>
          )}
          {u.twoFactor ? <span className="badge badge-neutral">{t('users.twoFactor')}</span> : null}
          {u.singleSignOn ? <span className="badge badge-neutral">{t('users.singleSignOn')}</span> : null}
        </>
      ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (u) => (
        <div className="row-actions">
          {can(me.role, 'accessLog.read') ? (
            <Link className="button button-secondary button-small" to={`/admin/anvandare/${u.id}/atkomst`}>
              {t('userAccess.link')}
              <span className="visually-hidden"> {u.name}</span>
            </Link>
          ) : null}
          {u.id === me.id ? null : (
            <>
              <Button
                className="button button-secondary button-small"
                onPress={() => toggle(u)}
                isDisabled={update.isPending}
              >
                {u.disabled ? t('users.enable') : t('users.disable')}
                <span className="visually-hidden"> {u.name}</span>
              </Button>
              <Button className="button button-secondary button-small" onPress={() => setResetting(u)}>
                {t('users.reset')}
                <span className="visually-hidden"> {u.name}</span>
              </Button>
              {u.twoFactor ? (
                <Button
                  className="button button-secondary button-small"
                  onPress={() => resetTwoFactor(u)}
                  isDisabled={update.isPending}
                >
                  {t('users.twoFactorReset')}
                  <span className="visually-hidden"> {u.name}</span>
                </Button>
              ) : null}
            </>
          )}
        </div>
      ),
    },
  ];

  return (
    <>
      {error ? <ErrorState error={error} /> : null}
      <DataTable
        caption={t('users.listHeading')}
        captionHidden
        columns={columns}
        rows={sorted}
        rowKey={(u) => u.id}
        emptyText={t('users.empty')}
      />
      {resetting ? (
        <ResetPasswordDialog
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={() => {
            onChanged(t('users.resetDone', { name: resetting.name }));
            setResetting(null);
          }}
        />
      ) : null}
    </>
  );
}

const formId = 'user';
const knownFields = new Set(['name', 'email', 'role', 'centreIds', 'password']);
const emptyUser = { name: '', email: '', role: '', centreIds: [] as string[], password: '' };

function CreateUserForm({ onCreated }: { onCreated: (name: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useCurrentUser();
  const centres = useSortedByName(me.centres);
  const roleOptions = useRoleOptions();
  const create = useCreateUser();
  const form = useFormFailure(locale);
  const [values, setValues] = useState(emptyUser);
  const idFor = (name: string) => fieldDomId(formId, name);
  const set = (patch: Partial<typeof emptyUser>) => setValues((current) => ({ ...current, ...patch }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const input: UserInput = { ...values, role: (values.role || undefined) as Role };
    const parsed = userInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    create.mutate(input, {
      onSuccess: (created) => {
        form.clear();
        setValues(emptyUser);
        onCreated(created.name);
      },
      onError: form.fromError,
    });
  }

  return (
    <section className="panel">
      <h2 id="create-user-heading">{t('users.createHeading')}</h2>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (knownFields.has(field) ? idFor(field) : undefined)}
      />
      <p className="form-note">{t('common.requiredNote')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextInputField
          id={idFor('name')}
          label={t('field.name')}
          error={form.errorFor('name')}
          value={values.name}
          onChange={(name) => set({ name })}
          autoComplete="off"
          isRequired
        />
        <TextInputField
          id={idFor('email')}
          label={t('field.email')}
          type="email"
          error={form.errorFor('email')}
          value={values.email}
          onChange={(email) => set({ email })}
          autoComplete="off"
          isRequired
        />
        <SelectField
          id={idFor('role')}
          label={t('field.role')}
          error={form.errorFor('role')}
          value={values.role}
          onChange={(role) => set({ role })}
          options={roleOptions}
          placeholder={t('common.choose')}
          isRequired
        />
        <CheckboxGroupField
          id={idFor('centreIds')}
          label={t('field.centreIds')}
          error={form.errorFor('centreIds')}
          value={values.centreIds}
          onChange={(centreIds) => set({ centreIds })}
          options={centres.map((c) => ({ value: c.id, label: c.name }))}
          isRequired
        />
        <TextInputField
          id={idFor('password')}
          label={t('field.password')}
          description={t('users.passwordHint')}
          type="password"
          error={form.errorFor('password')}
          value={values.password}
          onChange={(password) => set({ password })}
          autoComplete="new-password"
          isRequired
        />
        <div className="form-actions">
          <SubmitButton isPending={create.isPending}>{t('users.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
