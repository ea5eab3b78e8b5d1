import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ParticipantDetail, participantUpdate } from '../../../core/schemas/participant.schema.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { SubmitButton } from '../../components/submit-button.tsx';
import { useLocale } from '../../i18n/index.ts';
import { ParticipantDetails } from './participant-details.tsx';
import { ParticipantFields } from './participant-fields.tsx';
import {
  type ParticipantFormValues,
  participantFieldNames,
  participantFormIssues,
  participantValuesFromDetail,
  toParticipantUpdate,
} from './participant-form-values.ts';
import { participantKeys, useUpdateParticipant } from './participants.queries.ts';

const formId = 'participant-edit';
const knownFields = new Set<string>(participantFieldNames);

/** Edits a participant against the version it was read at; a conflict keeps what was typed. */
export function ParticipantEditForm({
  participant,
  onDone,
}: {
  participant: ParticipantDetail;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const update = useUpdateParticipant(participant.id);
  const form = useFormFailure(locale);
  const [values, setValues] = useState<ParticipantFormValues>(() => participantValuesFromDetail(participant));
  const [version, setVersion] = useState(participant.version);
  const [conflict, setConflict] = useState<ParticipantDetail | null>(null);
  const idFor = (name: string) => fieldDomId(formId, name);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const input = toParticipantUpdate(values, version);
    const parsed = participantUpdate.safeParse(input);
    const issues = participantFormIssues(values, parsed.success ? [] : parsed.error.issues, '', false);
    if (issues.length > 0) {
      form.fromIssues(issues);
      return;
    }
    update.mutate(input, {
      onSuccess: () => onDone(true),
      onError: (error) => {
        if (isApiError(error) && error.code === 'VERSION_CONFLICT' && error.current) {
          const current = error.current as ParticipantDetail;
          // Saving again now overwrites the newer version on purpose: the user has seen it.
          setConflict(current);
          setVersion(current.version);
          queryClient.setQueryData(participantKeys.detail(participant.id), current);
        }
        form.fromError(error);
      },
    });
  }

  return (
    <section>
      <h2 id="participant-edit-heading">{t('participant.editHeading')}</h2>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (knownFields.has(field) ? idFor(field) : undefined)}
      >
        {conflict ? <p>{t('participant.conflictHelp')}</p> : null}
      </ErrorSummary>
      {conflict ? (
        <section className="conflict">
          <h3 id="participant-conflict-heading">{t('participant.conflictHeading')}</h3>
          <ParticipantDetails participant={conflict} />
        </section>
      ) : null}
      <p className="form-note">{t('common.requiredNote')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ParticipantFields
          values={values}
          onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
          idFor={idFor}
          errorFor={form.errorFor}
          isReserveIdentity={participant.identityType === 'reserve'}
          isEditing
        />
        <div className="form-actions">
          <SubmitButton isPending={update.isPending}>
            {conflict ? t('participant.saveAgain') : t('participant.save')}
          </SubmitButton>
          <Button className="button button-secondary" onPress={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
