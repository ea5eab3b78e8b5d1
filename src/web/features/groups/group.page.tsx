import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { can } from '../../../core/permissions.ts';
import type { GroupDetail } from '../../../core/schemas/activity.schema.ts';
import { isApiError } from '../../api/client.ts';
import { DescriptionList } from '../../components/description-list.tsx';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { NotFoundPage } from '../../layout/not-found.page.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { GroupEditForm } from './group-edit-form.tsx';
import { GroupMembers } from './group-members.tsx';
import { GroupSessions } from './group-sessions.tsx';
import { useGroup } from './groups.queries.ts';
import { useScheduleText } from './schedule-text.ts';

/** One group: its facts, members, the dates its schedule skips, and its sessions week by week. */
export function GroupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const group = useGroup(id);
  const location = useLocation();
  const created = (location.state as { notice?: string } | null)?.notice === 'created';

  if (group.isPending) {
    return (
      <>
        <PageHeader title={t('group.title')} />
        <Loading />
      </>
    );
  }
  if (group.isError) {
    if (isApiError(group.error) && group.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageHeader title={t('group.title')} />
        <ErrorState error={group.error} onRetry={() => group.refetch()} />
      </>
    );
  }
  const detail = group.data;
  const mayManage = can(user.role, 'group.manage') && user.centres.some((c) => c.id === detail.centreId);
  return (
    <>
      <PageHeader
        title={detail.name}
        documentTitle={`${detail.name} – ${t('group.title')}`}
        lead={`${detail.activityName} (${t(`activityType.${detail.activityType}`)}), ${detail.centreName}`}
        actions={
          <Link to={`/schema?grupp=${detail.id}`} className="button button-secondary">
            {t('group.toWeekView')}
          </Link>
        }
      />
      {created ? (
        <Notice tone="success" live>
          {t('group.createdNotice', { count: detail.sessions.length })}
        </Notice>
      ) : null}
      <GroupFacts group={detail} mayManage={mayManage} />
      <SkippedDates group={detail} />
      <GroupMembers group={detail} mayManage={mayManage} />
      <GroupSessions group={detail} mayManage={mayManage} />
    </>
  );
}

function GroupFacts({ group, mayManage }: { group: GroupDetail; mayManage: boolean }) {
  const { t } = useTranslation();
  const scheduleText = useScheduleText();
  const [isEditing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (isEditing) {
    return (
      <GroupEditForm
        group={group}
        onDone={(didSave) => {
          setEditing(false);
          setSaved(didSave);
        }}
      />
    );
  }
  return (
    <section aria-labelledby="group-facts-heading">
      <div className="section-header">
        <h2 id="group-facts-heading">{t('group.factsHeading')}</h2>
        {mayManage ? (
          <Button
            className="button button-secondary"
            onPress={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('group.edit')}
          </Button>
        ) : null}
      </div>
      {saved ? (
        <Notice tone="success" live>
          {t('group.savedNotice')}
        </Notice>
      ) : null}
      <DescriptionList
        emptyLabel={t('common.notGiven')}
        items={[
          { key: 'activity', term: t('field.activityId'), value: group.activityName },
          { key: 'centre', term: t('field.centreId'), value: group.centreName },
          { key: 'leader', term: t('field.leaderId'), value: group.leaderName },
          { key: 'room', term: t('field.room'), value: group.room },
          {
            key: 'period',
            term: t('groups.period'),
            value: t('programmes.periodValue', { startsOn: group.startsOn, endsOn: group.endsOn }),
          },
          { key: 'schedule', term: t('field.schedule'), value: scheduleText(group.schedule) },
          {
            key: 'sessions',
            term: t('group.sessionCount'),
            value: String(group.sessions.filter((s) => s.status === 'planned').length),
          },
        ]}
      />
    </section>
  );
}

function SkippedDates({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="group-skipped-heading">
      <h2 id="group-skipped-heading">{t('group.skippedHeading')}</h2>
      {group.skipped.length === 0 ? (
        <p className="muted">{t('group.noSkipped')}</p>
      ) : (
        <>
          <p className="muted">{t('group.skippedLead')}</p>
          <ul>
            {[...group.skipped]
              .sort((a, b) => a.date.localeCompare(b.date))
              .map((s) => (
                <li key={s.date}>
                  {t(s.kind === 'holiday' ? 'group.skippedHoliday' : 'group.skippedClosure', {
                    date: s.date,
                    name: s.name,
                  })}
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
