import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { identityReplacement, type ParticipantDetail } from '../../../core/schemas/participant.schema.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { Notice } from '../../components/notice.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useReplaceIdentity } from './participants.queries.ts';

const formId = 'identity';

/** A participant registered with a reserve number gets a real one once the Tax Agency has issued it. */
export function IdentityReplacementForm({ participant }: { participant: ParticipantDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const replace = useReplaceIdentity(participant.id);
  const form = useFormFailure(locale);
  const [number, setNumber] = useState('');
  const [done, setDone] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (replace.isPending) return;
    setDone(false);
    const input = { personalIdentityNumber: number, version: participant.version };
    const parsed = identityReplacement.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    replace.mutate(input, {
      onSuccess: () => {
        form.clear();
        setNumber('');
        setDone(true);
      },
      onError: form.fromError,
    });
  }

  return (
    <section className="panel">
      <h2 id="identity-heading">{t('identity.heading')}</h2>
      <p>{t('identity.lead')}</p>
      {done ? (
        <Notice tone="success" live>
          {t('identity.done')}
        </Notice>
      ) : null}
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (field === 'personalIdentityNumber' ? fieldDomId(formId, field) : undefined)}
      />
      <form className="form" onSubmit={submit} noValidate>
        <TextInputField
          id={fieldDomId(formId, 'personalIdentityNumber')}
          label={t('field.personalIdentityNumber')}
          description={t('participantForm.personalIdentityNumberHint')}
          error={form.errorFor('personalIdentityNumber')}
          value={number}
          onChange={setNumber}
          width="medium"
          autoComplete="off"
          isRequired
        />
        <div className="form-actions">
          <SubmitButton isPending={replace.isPending}>{t('identity.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
