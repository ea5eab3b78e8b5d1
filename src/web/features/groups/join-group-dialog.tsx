import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type GroupSummary, memberInput } from '../../../core/schemas/activity.schema.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useAddMember } from './groups.queries.ts';
import { firstDayFrom } from './week.ts';

/** Places an enrolment in a group from a date (today, or the group's first day if it has not started). */
export function JoinGroupDialog({
  group,
  enrolmentId,
  participantName,
  onClose,
  onJoined,
}: {
  group: GroupSummary;
  enrolmentId: string;
  participantName: string;
  onClose: () => void;
  onJoined: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useAddMember(group.id);
  const form = useFormFailure(locale);
  const [joinedOn, setJoinedOn] = useState(() => firstDayFrom(group.startsOn));
  const id = fieldDomId('join-group', 'joinedOn');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const input = { enrolmentId, joinedOn };
    const parsed = memberInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    add.mutate(input, { onSuccess: onJoined, onError: form.fromError });
  }

  return (
    <ModalDialog
      title={t('participantSchedule.joinHeading', { group: group.name })}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <p>
        {t('participantSchedule.joinLead', {
          name: participantName,
          activity: group.activityName,
          startsOn: group.startsOn,
          endsOn: group.endsOn,
        })}
      </p>
      <ErrorSummary failure={form.failure} fieldId={(field) => (field === 'joinedOn' ? id : undefined)} />
      <form className="form" onSubmit={submit} noValidate>
        <DateInputField
          id={id}
          label={t('field.joinedOn')}
          error={form.errorFor('joinedOn')}
          value={joinedOn}
          onChange={setJoinedOn}
          isRequired
        />
        <div className="form-actions">
          <SubmitButton isPending={add.isPending}>{t('participantSchedule.joinSubmit')}</SubmitButton>
          <Button className="button button-secondary" onPress={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
