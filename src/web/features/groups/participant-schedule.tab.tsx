import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { todayInSweden } from '../../../core/dates.ts';
import { can } from '../../../core/permissions.ts';
import type { GroupSummary, ParticipantGroups } from '../../../core/schemas/activity.schema.ts';
import type { Enrolment } from '../../../core/schemas/enrolment.schema.ts';
import type { ParticipantDetail } from '../../../core/schemas/participant.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { personName } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useCollator } from '../../i18n/index.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { useEnrolments } from '../enrolments/enrolments.queries.ts';
import { useGroups, useLeaveGroup, useParticipantGroups, useProposedActivities } from './groups.queries.ts';
import { JoinGroupDialog } from './join-group-dialog.tsx';
import { weekOrDefault } from './week.ts';
import { WeekView } from './week-view.tsx';

type Membership = ParticipantGroups['items'][number];
type Joining = { group: GroupSummary; enrolmentId: string } | null;

/** The participant's groups, the activities proposed for their target group, and their week. */
export function ParticipantScheduleTab({ participant }: { participant: ParticipantDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const week = weekOrDefault(searchParams.get('vecka'), todayInSweden());
  const enrolments = useEnrolments(participant.id);
  const [joining, setJoining] = useState<Joining>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const mayManage =
    can(user.role, 'group.manage') &&
    !participant.readOnly &&
    user.centres.some((c) => c.id === participant.centreId);
  const active = (enrolments.data?.items ?? []).filter((e) => e.exitedOn === null);
  const name = personName(participant);
  const join = (group: GroupSummary, enrolmentId: string) => {
    setNotice(null);
    setJoining({ group, enrolmentId });
  };

  return (
    <div className="stack">
      {notice ? (
        <Notice tone="success" live>
          {notice}
        </Notice>
      ) : null}
      <Memberships participant={participant} mayManage={mayManage} onNotice={setNotice} />
      {mayManage && active.length > 0 ? <JoinGroupForm enrolments={active} onJoin={join} /> : null}
      {active.map((enrolment) => (
        <ProposedActivities
          key={enrolment.id}
          enrolment={enrolment}
          mayManage={mayManage}
          onJoin={(group) => join(group, enrolment.id)}
        />
      ))}
      <div className="print-actions">
        <Link
          to={`/deltagare/${participant.id}/schema/utskrift?vecka=${week}`}
          className="button button-secondary"
        >
          {t('participantSchedule.print')}
        </Link>
      </div>
      <WeekView
        scope={{ kind: 'participant', id: participant.id }}
        week={week}
        onWeekChange={(next) => {
          const params = new URLSearchParams(searchParams);
          params.set('vecka', next);
          setSearchParams(params, { replace: true });
        }}
      />
      {joining ? (
        <JoinGroupDialog
          group={joining.group}
          enrolmentId={joining.enrolmentId}
          participantName={name}
          onClose={() => setJoining(null)}
          onJoined={() => {
            setNotice(t('participantSchedule.joinedNotice', { name, group: joining.group.name }));
            setJoining(null);
          }}
        />
      ) : null}
    </div>
  );
}

function Memberships({
  participant,
  mayManage,
  onNotice,
}: {
  participant: ParticipantDetail;
  mayManage: boolean;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const groups = useParticipantGroups(participant.id);
  const leave = useLeaveGroup();
  const [error, setError] = useState<string | null>(null);
  const columns: Column<Membership>[] = [
    {
      key: 'group',
      header: t('field.groupId'),
      isRowHeader: true,
      cell: (m) => <Link to={`/grupper/${m.groupId}`}>{m.groupName}</Link>,
    },
    {
      key: 'activity',
      header: t('field.activityId'),
      cell: (m) => (
        <>
          {m.activityName}
          <span className="cell-note">{t(`activityType.${m.activityType}`)}</span>
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
            cell: (m: Membership) =>
              m.leftOn ? null : (
                <Button
                  className="button button-secondary button-small"
                  onPress={() => {
                    setError(null);
                    leave.mutate(
                      { memberId: m.id, leftOn: todayInSweden() },
                      {
                        onSuccess: () =>
                          onNotice(t('participantSchedule.leftNotice', { group: m.groupName })),
                        onError: (e) => setError(e instanceof Error ? e.message : String(e)),
                      },
                    );
                  }}
                >
                  {t('participantSchedule.leaveToday')}
                  <span className="visually-hidden"> {m.groupName}</span>
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <section aria-labelledby="participant-groups-heading" className="stack">
      <h2 id="participant-groups-heading">{t('participantSchedule.groupsHeading')}</h2>
      {error ? (
        <Notice tone="error" live>
          {error}
        </Notice>
      ) : null}
      <QueryState query={groups}>
        {(data) => (
          <DataTable
            caption={t('participantSchedule.groupsHeading')}
            captionHidden
            columns={columns}
            rows={[...data.items].sort(
              (a, b) =>
                Number(a.leftOn !== null) - Number(b.leftOn !== null) || b.joinedOn.localeCompare(a.joinedOn),
            )}
            rowKey={(m) => m.id}
            emptyText={t('participantSchedule.noGroups')}
          />
        )}
      </QueryState>
    </section>
  );
}

/** Any running group of the participant's programmes and centres, not only the proposed ones. */
function JoinGroupForm({
  enrolments,
  onJoin,
}: {
  enrolments: readonly Enrolment[];
  onJoin: (group: GroupSummary, enrolmentId: string) => void;
}) {
  const { t } = useTranslation();
  const collator = useCollator();
  const groups = useGroups({ activeOn: todayInSweden() });
  const [groupId, setGroupId] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const enrolmentFor = (g: GroupSummary) =>
    enrolments.find((e) => e.programmeId === g.programmeId && e.centreId === g.centreId);
  const options = (groups.data?.items ?? [])
    .filter((g) => enrolmentFor(g))
    .map((g) => ({ value: g.id, label: `${g.name} – ${g.activityName}` }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return (
    <section aria-labelledby="participant-join-heading" className="stack">
      <h3 id="participant-join-heading">{t('participantSchedule.joinAnyHeading')}</h3>
      <div className="search-form">
        <SelectField
          id="participant-join-group"
          label={t('field.groupId')}
          description={t('participantSchedule.joinAnyHint')}
          error={error}
          value={groupId}
          onChange={(value) => {
            setGroupId(value);
            setError(undefined);
          }}
          placeholder={t('common.choose')}
          options={options}
        />
        <Button
          className="button button-secondary"
          onPress={() => {
            const group = groups.data?.items.find((g) => g.id === groupId);
            const enrolment = group ? enrolmentFor(group) : undefined;
            if (!group || !enrolment) {
              setError(t('participantSchedule.chooseGroup'));
              document.getElementById('participant-join-group')?.focus();
              return;
            }
            onJoin(group, enrolment.id);
          }}
        >
          {t('participantSchedule.placeInGroup')}
        </Button>
      </div>
    </section>
  );
}

/** The activities mandatory for the enrolment's target group, with the centre's running groups. */
function ProposedActivities({
  enrolment,
  mayManage,
  onJoin,
}: {
  enrolment: Enrolment;
  mayManage: boolean;
  onJoin: (group: GroupSummary) => void;
}) {
  const { t } = useTranslation();
  const proposed = useProposedActivities(enrolment.id);
  const headingId = `proposed-${enrolment.id}`;
  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId}>
        {t('participantSchedule.proposedHeading', {
          programme: enrolment.programmeName,
          targetGroup: enrolment.targetGroupName,
        })}
      </h2>
      <QueryState query={proposed}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t('participantSchedule.noProposed')}</p>
          ) : (
            <ul className="plain-list stack">
              {data.items.map(({ activity, groups }) => (
                <li key={activity.id} className="panel">
                  <p>
                    <strong>{activity.name}</strong>{' '}
                    <span className="muted">
                      ({t(`activityType.${activity.type}`)},{' '}
                      {t('activities.hours', { count: activity.plannedHours })})
                    </span>
                  </p>
                  {groups.length === 0 ? (
                    <p className="muted">{t('participantSchedule.noRunningGroups')}</p>
                  ) : (
                    <ul className="plain-list stack">
                      {groups.map((g) => (
                        <li key={g.id} className="proposed-group">
                          <Link to={`/grupper/${g.id}`}>{g.name}</Link>{' '}
                          <span className="muted">
                            {t('programmes.periodValue', { startsOn: g.startsOn, endsOn: g.endsOn })}
                          </span>{' '}
                          {g.isMember ? (
                            <span className="badge badge-success">{t('participantSchedule.isMember')}</span>
                          ) : mayManage ? (
                            <Button
                              className="button button-secondary button-small"
                              onPress={() => onJoin(g)}
                            >
                              {t('participantSchedule.placeInGroup')}
                              <span className="visually-hidden"> {g.name}</span>
                            </Button>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
