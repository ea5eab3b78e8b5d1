import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { todayInSweden } from '../../../core/dates.ts';
import { can } from '../../../core/permissions.ts';
import type { GroupSummary } from '../../../core/schemas/activity.schema.ts';
import { CheckboxField } from '../../components/checkbox-fields.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useCollator } from '../../i18n/index.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { useGroups } from './groups.queries.ts';
import { useScheduleText } from './schedule-text.ts';

/** The groups of the actor's centres, filtered by centre, activity and whether they still run. */
export function GroupListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const collator = useCollator();
  const scheduleText = useScheduleText();
  const [searchParams, setSearchParams] = useSearchParams();
  // The filters live in the address, in Swedish like the rest of it.
  const centreId = user.centres.some((c) => c.id === searchParams.get('centrum'))
    ? (searchParams.get('centrum') ?? '')
    : '';
  const activityId = searchParams.get('aktivitet') ?? '';
  const includeEnded = searchParams.get('alla') === 'ja';
  const activeOn = includeEnded ? undefined : todayInSweden();
  const base = { ...(centreId ? { centreId } : {}), ...(activeOn ? { activeOn } : {}) };
  const all = useGroups(base);
  const list = useGroups(activityId ? { ...base, activityId } : base);
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearchParams(next, { replace: true });
  };

  const activityOptions = [
    ...new Map((all.data?.items ?? []).map((g) => [g.activityId, g.activityName])).entries(),
  ]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => collator.compare(a.label, b.label));

  const columns: Column<GroupSummary>[] = [
    {
      key: 'name',
      header: t('field.name'),
      isRowHeader: true,
      cell: (g) => <Link to={`/grupper/${g.id}`}>{g.name}</Link>,
    },
    {
      key: 'activity',
      header: t('field.activityId'),
      cell: (g) => (
        <>
          {g.activityName}
          <span className="cell-note">{t(`activityType.${g.activityType}`)}</span>
        </>
      ),
    },
    { key: 'centre', header: t('field.centreId'), cell: (g) => g.centreName },
    { key: 'leader', header: t('field.leaderId'), cell: (g) => g.leaderName },
    {
      key: 'period',
      header: t('groups.period'),
      cell: (g) => t('programmes.periodValue', { startsOn: g.startsOn, endsOn: g.endsOn }),
    },
    { key: 'schedule', header: t('field.schedule'), cell: (g) => scheduleText(g.schedule) },
    { key: 'members', header: t('groups.members'), cell: (g) => String(g.memberCount) },
  ];

  return (
    <div className="stack">
      <PageHeader
        title={t('groups.title')}
        lead={t('groups.lead')}
        actions={
          can(user.role, 'group.manage') ? (
            <Link to="/grupper/ny" className="button button-primary">
              {t('groups.new')}
            </Link>
          ) : null
        }
      />
      <div className="filters">
        {user.centres.length > 1 ? (
          <SelectField
            id="groups-centre"
            label={t('field.centreId')}
            value={centreId}
            onChange={(value) => setParam('centrum', value)}
            placeholder={t('groups.allCentres')}
            options={user.centres.map((c) => ({ value: c.id, label: c.name }))}
          />
        ) : null}
        <SelectField
          id="groups-activity"
          label={t('field.activityId')}
          value={activityOptions.some((o) => o.value === activityId) ? activityId : ''}
          onChange={(value) => setParam('aktivitet', value)}
          placeholder={t('groups.allActivities')}
          options={activityOptions}
        />
        <CheckboxField
          id="groups-include-ended"
          label={t('groups.includeEnded')}
          isSelected={includeEnded}
          onChange={(value) => setParam('alla', value ? 'ja' : '')}
        />
      </div>
      <QueryState query={list}>
        {(data) => (
          <DataTable
            caption={t('groups.caption')}
            captionHidden
            columns={columns}
            rows={[...data.items].sort((a, b) => collator.compare(a.name, b.name))}
            rowKey={(g) => g.id}
            emptyText={includeEnded ? t('groups.empty') : t('groups.emptyRunning')}
          />
        )}
      </QueryState>
    </div>
  );
}
