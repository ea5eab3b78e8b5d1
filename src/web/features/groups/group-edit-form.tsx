import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type GroupDetail, groupUpdateInput } from '../../../core/schemas/activity.schema.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useUpdateGroup } from './groups.queries.ts';
import { useLeaderOptions } from './leader-options.ts';

const formId = 'group-edit';
const knownFields = new Set(['name', 'leaderId', 'room']);

/** Name, leader and room of a group, against the version it was read at; a conflict keeps what was typed. */
export function GroupEditForm({ group, onDone }: { group: GroupDetail; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useUpdateGroup(group.id);
  const form = useFormFailure(locale);
  const idFor = (name: string) => fieldDomId(formId, name);
  const [name, setName] = useState(group.name);
  const [leaderId, setLeaderId] = useState(group.leaderId);
  const [room, setRoom] = useState(group.room ?? '');
  const [version, setVersion] = useState(group.version);
  const [conflict, setConflict] = useState<GroupDetail | null>(null);
  const leaderOptions = useLeaderOptions(group.centreId, { id: group.leaderId, name: group.leaderName });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const input = { name, leaderId, room, version };
    const parsed = groupUpdateInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    update.mutate(input, {
      onSuccess: () => onDone(true),
      onError: (error) => {
        if (isApiError(error) && error.code === 'VERSION_CONFLICT' && error.current) {
          // Saving again now overwrites the newer version on purpose: the user has seen it.
          const current = error.current as GroupDetail;
          setConflict(current);
          setVersion(current.version);
        }
        form.fromError(error);
      },
    });
  }

  return (
    <section aria-labelledby={`${formId}-heading`} className="stack">
      <h2 id={`${formId}-heading`} ref={heading} tabIndex={-1}>
        {t('group.editHeading')}
      </h2>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (knownFields.has(field) ? idFor(field) : undefined)}
      >
        {conflict ? (
          <p>
            {t('group.conflictHelp', {
              name: conflict.name,
              leader: conflict.leaderName,
              room: conflict.room ?? t('common.notGiven'),
            })}
          </p>
        ) : null}
      </ErrorSummary>
      <p className="form-note">{t('common.requiredNote')}</p>
      <form className="form" onSubmit={submit} noValidate aria-labelledby={`${formId}-heading`}>
        <TextInputField
          id={idFor('name')}
          label={t('field.name')}
          error={form.errorFor('name')}
          value={name}
          onChange={setName}
          autoComplete="off"
          isRequired
        />
        <SelectField
          id={idFor('leaderId')}
          label={t('field.leaderId')}
          error={form.errorFor('leaderId')}
          value={leaderId}
          onChange={setLeaderId}
          options={leaderOptions}
          isRequired
        />
        <TextInputField
          id={idFor('room')}
          label={t('field.room')}
          error={form.errorFor('room')}
          value={room}
          onChange={setRoom}
          width="medium"
          autoComplete="off"
        />
        <div className="form-actions">
          <SubmitButton isPending={update.isPending}>
            {conflict ? t('group.saveAgain') : t('group.save')}
          </SubmitButton>
          <Button className="button button-secondary" onPress={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
