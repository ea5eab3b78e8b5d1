import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../core/messages.ts';
import { can } from '../../../core/permissions.ts';
import type { ParticipantDetail } from '../../../core/schemas/participant.schema.ts';
import { type TeamMember, type TeamMemberInput, teamMemberInput } from '../../../core/schemas/team.schema.ts';
import { isApiError } from '../../api/client.ts';
import { CheckboxField } from '../../components/checkbox-fields.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { customIssue, fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { personName } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import {
  useAddTeamMember,
  useCentreStaff,
  useMakeContact,
  useRemoveTeamMember,
  useTeam,
} from './team.queries.ts';

type Outcome = { tone: 'success' | 'error'; text: string };

export function TeamTab({ participant }: { participant: ParticipantDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  const team = useTeam(participant.id);
  const makeContact = useMakeContact(participant.id);
  const remove = useRemoveTeamMember(participant.id);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const inCentre = user.centres.some((c) => c.id === participant.centreId);
  const mayWrite = can(user.role, 'participant.write') && !participant.readOnly;

  const failed = (error: unknown) =>
    setOutcome({
      tone: 'error',
      text: isApiError(error) ? error.message : errorMessage('INTERNAL', locale),
    });

  const columns: Column<TeamMember>[] = [
    { key: 'name', header: t('field.name'), isRowHeader: true, cell: (m) => <bdi>{m.name}</bdi> },
    { key: 'role', header: t('field.role'), cell: (m) => t(`role.${m.role}`) },
    {
      key: 'contact',
      header: t('team.contact'),
      cell: (m) => (m.isContact ? <span className="badge badge-info">{t('team.contact')}</span> : null),
    },
  ];
  if (mayWrite) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      cell: (m) =>
        m.isContact ? (
          <span className="cell-note">{t('team.contactHint')}</span>
        ) : (
          <div className="row-actions">
            <Button
              className="button button-secondary button-small"
              isDisabled={makeContact.isPending}
              onPress={() =>
                makeContact.mutate(m.userId, {
                  onSuccess: () =>
                    setOutcome({ tone: 'success', text: t('team.contactNotice', { name: m.name }) }),
                  onError: failed,
                })
              }
            >
              {t('team.makeContact')}
              <span className="visually-hidden">: {m.name}</span>
            </Button>
            <Button
              className="button button-secondary button-small"
              isDisabled={remove.isPending}
              onPress={() =>
                remove.mutate(m.userId, {
                  onSuccess: () =>
                    setOutcome({ tone: 'success', text: t('team.removedNotice', { name: m.name }) }),
                  onError: failed,
                })
              }
            >
              {t('team.remove')}
              <span className="visually-hidden">: {m.name}</span>
            </Button>
          </div>
        ),
    });
  }

  return (
    <div className="stack">
      <section aria-labelledby="team-heading">
        <h2 id="team-heading">{t('team.heading')}</h2>
        {outcome ? (
          <Notice tone={outcome.tone} live>
            {outcome.text}
          </Notice>
        ) : null}
        <QueryState query={team}>
          {(data) => (
            <DataTable
              caption={t('team.tableCaption', { name: personName(participant) })}
              captionHidden
              columns={columns}
              rows={data.items}
              rowKey={(m) => m.userId}
              emptyText={t('team.empty')}
            />
          )}
        </QueryState>
      </section>
      {mayWrite && inCentre && team.data ? (
        <AddMemberForm
          participant={participant}
          memberIds={team.data.items.map((m) => m.userId)}
          onAdded={(name) => setOutcome({ tone: 'success', text: t('team.addedNotice', { name }) })}
        />
      ) : null}
    </div>
  );
}

const formId = 'team-member';
const knownFields = new Set(['userId', 'isContact']);

function AddMemberForm({
  participant,
  memberIds,
  onAdded,
}: {
  participant: ParticipantDetail;
  memberIds: string[];
  onAdded: (name: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const staff = useCentreStaff(participant.centreId, true);
  const add = useAddTeamMember(participant.id);
  const form = useFormFailure(locale);
  const [userId, setUserId] = useState('');
  const [isContact, setIsContact] = useState(false);
  const idFor = (name: string) => fieldDomId(formId, name);
  const candidates = (staff.data?.items ?? []).filter((s) => !memberIds.includes(s.userId));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    if (!userId) {
      form.fromIssues([customIssue('userId', 'required')]);
      return;
    }
    const input: TeamMemberInput = { userId, isContact };
    const parsed = teamMemberInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    const name = candidates.find((c) => c.userId === userId)?.name ?? '';
    add.mutate(input, {
      onSuccess: () => {
        form.clear();
        setUserId('');
        setIsContact(false);
        onAdded(name);
      },
      onError: form.fromError,
    });
  }

  return (
    <section className="panel" aria-labelledby="team-form-heading">
      <h2 id="team-form-heading">{t('team.addHeading')}</h2>
      <p>{t('team.addLead')}</p>
      <QueryState query={staff}>
        {() =>
          candidates.length === 0 ? (
            <p>{t('team.noStaffToAdd')}</p>
          ) : (
            <>
              <ErrorSummary
                failure={form.failure}
                fieldId={(field) => (knownFields.has(field) ? idFor(field) : undefined)}
              />
              <form className="form" onSubmit={submit} noValidate>
                <SelectField
                  id={idFor('userId')}
                  label={t('field.userId')}
                  error={form.errorFor('userId')}
                  value={userId}
                  onChange={setUserId}
                  placeholder={t('common.choose')}
                  options={candidates.map((c) => ({
                    value: c.userId,
                    label: `${c.name} (${t(`role.${c.role}`)})`,
                  }))}
                  isRequired
                />
                <CheckboxField
                  id={idFor('isContact')}
                  label={t('team.makeContactOnAdd')}
                  isSelected={isContact}
                  onChange={setIsContact}
                />
                <div className="form-actions">
                  <SubmitButton isPending={add.isPending}>{t('team.submit')}</SubmitButton>
                </div>
              </form>
            </>
          )
        }
      </QueryState>
    </section>
  );
}
