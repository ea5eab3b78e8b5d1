import { lazy, Suspense, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { can } from '../../../core/permissions.ts';
import type { Enrolment } from '../../../core/schemas/enrolment.schema.ts';
import type { ParticipantDetail } from '../../../core/schemas/participant.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { formatDate, personName } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { FollowUpPanel } from '../follow-ups/follow-up-panel.tsx';
import { EnrolmentSteps } from '../steps/enrolment-steps.tsx';
import { EnrolmentForm } from './enrolment-form.tsx';
import { useEnrolments } from './enrolments.queries.ts';
import { LabourMarketStatusDialog } from './labour-market-status-dialog.tsx';

// The exit form (and the schema it validates with) loads when first opened.
const ExitDialog = lazy(async () => ({
  default: (await import('../follow-ups/exit-dialog.tsx')).ExitDialog,
}));

export function EnrolmentsTab({ participant }: { participant: ParticipantDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const enrolments = useEnrolments(participant.id);
  const [enrolled, setEnrolled] = useState(false);
  const [exiting, setExiting] = useState<Enrolment | null>(null);
  const [exitedDue, setExitedDue] = useState<string | null>(null);
  const [settingStatus, setSettingStatus] = useState<Enrolment | null>(null);
  const [statusSavedIn, setStatusSavedIn] = useState<string | null>(null);
  const mayWrite = can(user.role, 'enrolment.write') && !participant.readOnly;

  const columns: Column<Enrolment>[] = [
    {
      key: 'programme',
      header: t('field.programmeId'),
      isRowHeader: true,
      cell: (e) => (
        <>
          {e.programmeName}
          <span className="cell-note">{e.centreName}</span>
        </>
      ),
    },
    {
      key: 'targetGroup',
      header: t('field.targetGroupId'),
      cell: (e) => (
        <>
          {e.targetGroupName}
          {e.targetGroupOverrideReason ? (
            <span className="cell-note">
              {t('enrolments.overrideReason', { reason: e.targetGroupOverrideReason })}
            </span>
          ) : null}
        </>
      ),
    },
    { key: 'startsOn', header: t('field.startsOn'), cell: (e) => formatDate(e.startsOn) },
    {
      key: 'labourMarketStatus',
      header: t('field.labourMarketStatus'),
      // Also after exit: the funder's figures must be right, so a wrong status can always be corrected.
      cell: (e) => (
        <>
          {e.labourMarketStatus ? (
            t(`labourMarketStatus.${e.labourMarketStatus}`)
          ) : (
            <span className="muted">{t('enrolments.labourMarketStatusNotGiven')}</span>
          )}
          {mayWrite ? (
            <>
              {' '}
              <Button
                className="button button-secondary button-small"
                aria-label={t(
                  e.labourMarketStatus
                    ? 'enrolments.labourMarketStatusChangeLabel'
                    : 'enrolments.labourMarketStatusSetLabel',
                  { programme: e.programmeName },
                )}
                onPress={() => {
                  setStatusSavedIn(null);
                  setSettingStatus(e);
                }}
              >
                {e.labourMarketStatus
                  ? t('enrolments.labourMarketStatusChange')
                  : t('enrolments.labourMarketStatusSet')}
              </Button>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'plannedEndOn', header: t('enrolments.plannedEnd'), cell: (e) => formatDate(e.plannedEndOn) },
    {
      key: 'exitedOn',
      header: t('enrolments.exitedOn'),
      cell: (e) => (e.exitedOn ? formatDate(e.exitedOn) : t('enrolments.ongoing')),
    },
    {
      key: 'steps',
      header: t('enrolments.currentSteps'),
      cell: (e) => {
        const current = e.steps.filter((s) => s.endedOn === null).sort((a, b) => a.ordinal - b.ordinal);
        if (current.length === 0) return t('enrolments.noCurrentSteps');
        return (
          <ul className="plain-list">
            {current.map((s) => (
              <li key={s.id}>
                {s.ordinal}. {s.name}{' '}
                <span className="muted">
                  ({t('enrolments.stepSince', { date: formatDate(s.startedOn) })})
                </span>
              </li>
            ))}
          </ul>
        );
      },
    },
    ...(mayWrite
      ? [
          {
            key: 'actions',
            header: <span className="visually-hidden">{t('exit.action')}</span>,
            cell: (e: Enrolment) =>
              e.exitedOn === null ? (
                <Button
                  className="button button-secondary button-small"
                  aria-label={t('exit.actionLabel', { programme: e.programmeName })}
                  onPress={() => setExiting(e)}
                >
                  {t('exit.action')}
                </Button>
              ) : e.exitOutcome ? (
                t(`exitOutcome.${e.exitOutcome}`)
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <div className="stack">
      <section>
        <h2 id="enrolments-heading">{t('enrolments.heading')}</h2>
        {enrolled ? (
          <Notice tone="success" live>
            {t('enrolments.enrolledNotice')}
          </Notice>
        ) : null}
        {statusSavedIn ? (
          <Notice tone="success" live>
            {t('enrolments.labourMarketStatusSaved', { programme: statusSavedIn })}
          </Notice>
        ) : null}
        {exitedDue ? (
          <Notice tone="success" live>
            {t('exit.exitedNotice', { date: formatDate(exitedDue) })}
          </Notice>
        ) : null}
        <QueryState query={enrolments}>
          {(data) => (
            <>
              <DataTable
                caption={t('enrolments.tableCaption', { name: personName(participant) })}
                captionHidden
                columns={columns}
                rows={data.items}
                rowKey={(e) => e.id}
                emptyText={t('enrolments.empty')}
              />
              {data.items
                .filter((e) => e.exitedOn === null)
                .map((e) => (
                  <EnrolmentSteps key={e.id} enrolment={e} mayWrite={mayWrite} />
                ))}
              {data.items.map((e) =>
                e.followUp ? (
                  <FollowUpPanel
                    key={e.followUp.id}
                    enrolment={e}
                    followUp={e.followUp}
                    mayWrite={mayWrite}
                  />
                ) : null,
              )}
              {mayWrite ? (
                <EnrolmentForm
                  participant={participant}
                  activeProgrammeIds={data.items.filter((e) => e.exitedOn === null).map((e) => e.programmeId)}
                  onEnrolled={() => setEnrolled(true)}
                />
              ) : null}
            </>
          )}
        </QueryState>
        {settingStatus ? (
          <LabourMarketStatusDialog
            enrolment={settingStatus}
            onClose={() => setSettingStatus(null)}
            onSaved={(saved) => {
              setSettingStatus(null);
              setStatusSavedIn(saved.programmeName);
            }}
          />
        ) : null}
        {exiting ? (
          <Suspense fallback={null}>
            <ExitDialog
              enrolment={exiting}
              onClose={() => setExiting(null)}
              onExited={(exited) => {
                setExiting(null);
                setEnrolled(false);
                setExitedDue(exited.followUp?.dueOn ?? null);
              }}
            />
          </Suspense>
        ) : null}
      </section>
    </div>
  );
}
