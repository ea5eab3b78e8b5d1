import { type FormEvent, useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayInSweden } from '../../../core/dates.ts';
import {
  type GroupDetail,
  type GroupMember,
  memberInput,
  memberLeaveInput,
} from '../../../core/schemas/activity.schema.ts';
import { RadioGroupField } from '../../components/checkbox-fields.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { customIssue, fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { personName } from '../../components/format.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { Notice } from '../../components/notice.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useParticipantList } from '../participants/participants.queries.ts';
import { ProtectedIdentityMarker } from '../participants/protected-identity-marker.tsx';
import { useAddMember, useChosenEnrolments, useLeaveGroup } from './groups.queries.ts';
import { firstDayFrom } from './week.ts';

/** The group's members, current and past; those who manage groups add participants and record leaving. */
export function GroupMembers({ group, mayManage }: { group: GroupDetail; mayManage: boolean }) {
  const { t } = useTranslation();
  const [leaving, setLeaving] = useState<GroupMember | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const members = [...group.members].sort(
    (a, b) => Number(a.leftOn !== null) - Number(b.leftOn !== null) || a.lastName.localeCompare(b.lastName),
  );
  const columns: Column<GroupMember>[] = [
    {
      key: 'name',
      header: t('field.name'),
      isRowHeader: true,
      cell: (m) => (
        <>
          <Link to={`/deltagare/${m.participantId}?flik=schema`}>
            <bdi>{personName(m)}</bdi>
          </Link>
          {m.protectedIdentity ? <ProtectedIdentityMarker /> : null}
        </>
      ),
    },
    { key: 'joined', header: t('field.joinedOn'), cell: (m) => m.joinedOn },
    { key: 'left', header: t('field.leftOn'), cell: (m) => m.leftOn ?? t('group.stillMember') },
    ...(mayManage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (m: GroupMember) =>
              m.leftOn ? null : (
                <Button
                  className="button button-secondary button-small"
                  onPress={() => {
                    setNotice(null);
                    setLeaving(m);
                  }}
                >
                  {t('group.leave')}
                  <span className="visually-hidden"> {personName(m)}</span>
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <section aria-labelledby="group-members-heading" className="stack">
      <h2 id="group-members-heading">{t('group.membersHeading')}</h2>
      {notice ? (
        <Notice tone="success" live>
          {notice}
        </Notice>
      ) : null}
      <DataTable
        caption={t('group.membersHeading')}
        captionHidden
        columns={columns}
        rows={members}
        rowKey={(m) => m.id}
        emptyText={t('group.noMembers')}
      />
      {mayManage ? (
        <AddMemberForm group={group} onAdded={(name) => setNotice(t('group.memberAdded', { name }))} />
      ) : null}
      {leaving ? (
        <LeaveGroupDialog
          member={leaving}
          groupName={group.name}
          onClose={() => setLeaving(null)}
          onLeft={() => {
            setNotice(t('group.memberLeft', { name: personName(leaving) }));
            setLeaving(null);
          }}
        />
      ) : null}
    </section>
  );
}

/** Finds an enrolled participant of the group's centre by name or number and adds their enrolment. */
function AddMemberForm({ group, onAdded }: { group: GroupDetail; onAdded: (name: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const formId = 'group-member';
  const idFor = (name: string) => fieldDomId(formId, name);
  const headingId = useId();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const [participantId, setParticipantId] = useState('');
  const [joinedOn, setJoinedOn] = useState(() => firstDayFrom(group.startsOn));
  const form = useFormFailure(locale);
  const add = useAddMember(group.id);
  const results = useParticipantList({
    q: search,
    centreId: group.centreId,
    status: 'enrolled',
    page: 1,
    pageSize: 10,
  });
  const enrolments = useChosenEnrolments(participantId);
  const memberIds = new Set(group.members.filter((m) => m.leftOn === null).map((m) => m.participantId));
  const candidates = search ? (results.data?.items ?? []).filter((p) => !memberIds.has(p.id)) : [];
  const chosen = candidates.find((p) => p.id === participantId);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    if (!chosen) {
      form.fromIssues([customIssue('participantId', 'required')]);
      return;
    }
    // The chosen participant's enrolments load as soon as they are chosen; a press before they are in waits.
    const loaded = enrolments.data ?? (await enrolments.refetch()).data;
    const enrolment = loaded?.items.find(
      (e) => e.programmeId === group.programmeId && e.centreId === group.centreId && e.exitedOn === null,
    );
    if (!enrolment) {
      form.fromIssues([customIssue('participantId', 'not_in_group_centre')]);
      return;
    }
    const input = { enrolmentId: enrolment.id, joinedOn };
    const parsed = memberInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    add.mutate(input, {
      onSuccess: () => {
        form.clear();
        setParticipantId('');
        setQuery('');
        setSearch('');
        onAdded(personName(chosen));
      },
      onError: form.fromError,
    });
  }

  return (
    <div className="panel stack">
      <h3 id={headingId}>{t('group.addMemberHeading')}</h3>
      <p className="muted">{t('group.addMemberLead')}</p>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) =>
          field === 'joinedOn' ? idFor('joinedOn') : field === 'participantId' ? idFor('query') : undefined
        }
      />
      <form
        className="search-form"
        aria-label={t('group.searchParticipant')}
        onSubmit={(event) => {
          event.preventDefault();
          setParticipantId('');
          setSearch(query.trim());
        }}
      >
        <TextInputField
          id={idFor('query')}
          label={t('group.searchParticipant')}
          description={t('group.searchHint')}
          error={form.errorFor('participantId')}
          type="search"
          value={query}
          onChange={setQuery}
          autoComplete="off"
        />
        <Button type="submit" className="button button-secondary">
          {t('common.search')}
        </Button>
      </form>
      {search && results.isSuccess ? (
        <p className="result-count" role="status">
          {t('group.searchResults', { count: candidates.length })}
        </p>
      ) : null}
      <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
        {candidates.length > 0 ? (
          <RadioGroupField
            id={idFor('participantId')}
            label={t('group.chooseParticipant')}
            value={participantId}
            onChange={setParticipantId}
            options={candidates.map((p) => ({
              value: p.id,
              label: `${personName(p)}, ${p.identityNumber}`,
            }))}
            isRequired
          />
        ) : null}
        <DateInputField
          id={idFor('joinedOn')}
          label={t('field.joinedOn')}
          error={form.errorFor('joinedOn')}
          value={joinedOn}
          onChange={setJoinedOn}
          isRequired
        />
        <div className="form-actions">
          <SubmitButton isPending={add.isPending}>{t('group.addMember')}</SubmitButton>
        </div>
      </form>
    </div>
  );
}

function LeaveGroupDialog({
  member,
  groupName,
  onClose,
  onLeft,
}: {
  member: GroupMember;
  groupName: string;
  onClose: () => void;
  onLeft: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const leave = useLeaveGroup();
  const form = useFormFailure(locale);
  const [leftOn, setLeftOn] = useState(todayInSweden());
  const id = fieldDomId('group-leave', 'leftOn');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (leave.isPending) return;
    const parsed = memberLeaveInput.safeParse({ leftOn });
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    leave.mutate({ memberId: member.id, leftOn }, { onSuccess: onLeft, onError: form.fromError });
  }

  return (
    <ModalDialog
      title={t('group.leaveHeading', { name: personName(member) })}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <p>{t('group.leaveLead', { group: groupName })}</p>
      <ErrorSummary failure={form.failure} fieldId={(field) => (field === 'leftOn' ? id : undefined)} />
      <form className="form" onSubmit={submit} noValidate>
        <DateInputField
          id={id}
          label={t('field.leftOn')}
          error={form.errorFor('leftOn')}
          value={leftOn}
          onChange={setLeftOn}
          isRequired
        />
        <div className="form-actions">
          <SubmitButton isPending={leave.isPending}>{t('group.leaveSubmit')}</SubmitButton>
          <Button className="button button-secondary" onPress={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
