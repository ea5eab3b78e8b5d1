import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { can } from '../../../core/permissions.ts';
import { placementAllows } from '../../../core/placement.ts';
import type { Placement } from '../../../core/schemas/placement.schema.ts';
import { isApiError } from '../../api/client.ts';
import { DescriptionList } from '../../components/description-list.tsx';
import { formatDate, personName } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { useLocale } from '../../i18n/index.ts';
import { NotFoundPage } from '../../layout/not-found.page.tsx';
import { formatHours, formatMinutesAsHours } from '../attendance/attendance-format.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { useScheduleText } from '../groups/schedule-text.ts';
import { ProtectedIdentityMarker } from '../participants/protected-identity-marker.tsx';
import { EvaluationSection } from './evaluation-section.tsx';
import { CancelPlacementDialog, EndPlacementDialog, StartPlacementDialog } from './placement-dialogs.tsx';
import { PlacementStatusBadge } from './placement-status-badge.tsx';
import { usePlacement } from './placements.queries.ts';

type DialogKind = 'start' | 'end' | 'cancel';

/** One internship placement: where, when, what for, how attendance goes, and the two evaluations. */
export function PlacementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const placement = usePlacement(id);
  const location = useLocation();
  const created = (location.state as { notice?: string } | null)?.notice === 'created';

  if (placement.isPending) {
    return (
      <>
        <PageHeader title={t('placement.title')} />
        <Loading />
      </>
    );
  }
  if (placement.isError) {
    if (isApiError(placement.error) && placement.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageHeader title={t('placement.title')} />
        <ErrorState error={placement.error} onRetry={() => placement.refetch()} />
      </>
    );
  }
  return <PlacementDetail placement={placement.data} created={created} />;
}

function PlacementDetail({ placement, created }: { placement: Placement; created: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const scheduleText = useScheduleText();
  const locale = useLocale();
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [done, setDone] = useState<DialogKind | null>(null);
  const mayWrite = can(user.role, 'placement.write') && user.centres.some((c) => c.id === placement.centreId);
  const allows = (action: DialogKind) => mayWrite && placementAllows(placement.status, action);
  const title = t('placement.heading', { employer: placement.employerName });
  const close = () => setDialog(null);
  const finished = (kind: DialogKind) => () => {
    setDialog(null);
    setDone(kind);
  };

  return (
    <>
      <PageHeader
        title={<bdi>{title}</bdi>}
        documentTitle={`${title} – ${t('placement.title')}`}
        lead={
          <>
            <Link to={`/deltagare/${placement.participantId}?flik=platser`}>
              <bdi>{personName(placement)}</bdi>
            </Link>
            {placement.protectedIdentity ? (
              <>
                {' '}
                <ProtectedIdentityMarker />
              </>
            ) : null}{' '}
            <PlacementStatusBadge status={placement.status} />
          </>
        }
        actions={
          <>
            {allows('start') ? (
              <Button className="button" onPress={() => setDialog('start')}>
                {t('placement.start')}
              </Button>
            ) : null}
            {allows('end') ? (
              <Button className="button" onPress={() => setDialog('end')}>
                {t('placement.end')}
              </Button>
            ) : null}
            {allows('cancel') ? (
              <Button className="button button-secondary" onPress={() => setDialog('cancel')}>
                {t('placement.cancel')}
              </Button>
            ) : null}
          </>
        }
      />
      {created ? (
        <Notice tone="success" live>
          {t('placement.createdNotice')}
        </Notice>
      ) : null}
      {done ? (
        <Notice tone="success" live>
          {t(`placement.doneNotice.${done}`)}
        </Notice>
      ) : null}
      <section aria-labelledby="placement-facts-heading">
        <h2 id="placement-facts-heading">{t('placement.factsHeading')}</h2>
        <DescriptionList
          emptyLabel={t('common.notGiven')}
          items={[
            {
              key: 'employer',
              term: t('field.employerId'),
              value: (
                <Link to={`/arbetsgivare/${placement.employerId}`}>
                  <bdi>{placement.employerName}</bdi>
                </Link>
              ),
            },
            {
              key: 'opening',
              term: t('field.openingId'),
              value: placement.openingId ? (
                <Link to={`/platser/${placement.openingId}`}>
                  <bdi>{placement.openingTitle}</bdi>
                </Link>
              ) : null,
            },
            {
              key: 'supervisor',
              term: t('field.supervisorId'),
              value: <bdi>{placement.supervisorName}</bdi>,
            },
            { key: 'responsible', term: t('field.responsibleId'), value: placement.responsibleName },
            { key: 'activity', term: t('field.activityId'), value: placement.activityName },
            {
              key: 'period',
              term: t('placement.period'),
              value: `${formatDate(placement.startsOn)} – ${formatDate(placement.endsOn)}`,
            },
            {
              key: 'schedule',
              term: t('field.schedule'),
              value: (
                <>
                  {scheduleText(placement.schedule)} (
                  {t('placement.hoursPerWeek', { hours: formatHours(placement.hoursPerWeek, locale) })})
                </>
              ),
            },
            { key: 'startedOn', term: t('field.firstDay'), value: formatDate(placement.startedOn) },
            { key: 'endedOn', term: t('field.lastDay'), value: formatDate(placement.endedOn) },
            {
              key: 'endReason',
              term: t('field.reason'),
              value: placement.endReason ? <span dir="auto">{placement.endReason}</span> : null,
            },
            {
              key: 'group',
              term: t('placement.group'),
              value: <Link to={`/grupper/${placement.groupId}`}>{t('placement.groupLink')}</Link>,
            },
          ]}
        />
      </section>
      <section aria-labelledby="placement-tasks-heading">
        <h2 id="placement-tasks-heading">{t('placement.tasksHeading')}</h2>
        <p className="journal-text" dir="auto">
          {placement.tasks}
        </p>
        <h3>{t('field.goalIds')}</h3>
        {placement.goals.length === 0 ? (
          <p>{t('placement.noGoals')}</p>
        ) : (
          <ul>
            {placement.goals.map((g) => (
              <li key={g.id} dir="auto">
                {g.description}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="placement-attendance-heading">
        <h2 id="placement-attendance-heading">{t('placement.attendanceHeading')}</h2>
        <p>
          {t('placement.attendanceSummary', {
            recorded: placement.recordedDays,
            days: placement.days,
            attended: formatMinutesAsHours(placement.attendedMinutes, locale),
            planned: formatMinutesAsHours(placement.plannedMinutes, locale),
          })}
        </p>
        <p>
          <Link to={`/deltagare/${placement.participantId}?flik=narvaro`}>{t('placement.toAttendance')}</Link>
        </p>
      </section>
      {placement.status === 'ongoing' || placement.status === 'ended' ? (
        <>
          <EvaluationSection placement={placement} kind="midpoint" mayWrite={mayWrite} />
          <EvaluationSection placement={placement} kind="final" mayWrite={mayWrite} />
        </>
      ) : null}
      {dialog === 'start' ? (
        <StartPlacementDialog placement={placement} onClose={close} onDone={finished('start')} />
      ) : null}
      {dialog === 'end' ? (
        <EndPlacementDialog placement={placement} onClose={close} onDone={finished('end')} />
      ) : null}
      {dialog === 'cancel' ? (
        <CancelPlacementDialog placement={placement} onClose={close} onDone={finished('cancel')} />
      ) : null}
    </>
  );
}
