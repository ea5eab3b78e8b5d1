import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type User, userUpdate } from '../../../core/schemas/auth.schema.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useUpdateUser } from './users.queries.ts';

const formId = 'reset-password';
const knownFields = new Set(['password']);

/** An administrator gives a user who forgot their password a new one; the user's sessions end. */
export function ResetPasswordDialog({
  user,
  onClose,
  onDone,
}: {
  user: User;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useUpdateUser();
  const form = useFormFailure(locale);
  const [password, setPassword] = useState('');
  const idFor = (name: string) => fieldDomId(formId, name);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const parsed = userUpdate.safeParse({ password });
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    update.mutate({ id: user.id, password }, { onSuccess: onDone, onError: form.fromError });
  }

  return (
    <ModalDialog
      title={t('users.resetHeading', { name: user.name })}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <p>{t('users.resetLead')}</p>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (knownFields.has(field) ? idFor(field) : undefined)}
      />
      <form className="form" onSubmit={submit} noValidate>
        <TextInputField
          id={idFor('password')}
          label={t('field.newPassword')}
          type="password"
          autoComplete="new-password"
          description={t('users.passwordHint')}
          error={form.errorFor('password')}
          value={password}
          onChange={setPassword}
          width="medium"
          isRequired
        />
        <div className="form-actions">
          <SubmitButton isPending={update.isPending}>{t('users.resetSubmit')}</SubmitButton>
          <Button className="button button-secondary" onPress={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
