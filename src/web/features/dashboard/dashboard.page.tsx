import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { DashboardScope } from '../../../core/dashboard.ts';
import { can } from '../../../core/permissions.ts';
import type { Dashboard } from '../../../core/schemas/dashboard.schema.ts';
import { useProgrammes } from '../../api/reference.queries.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { useSortedByName } from '../../i18n/options.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { GenderBarChart, TrendChart } from './bar-charts.tsx';
import { type DashboardParams, useDashboard } from './dashboard.queries.ts';
import { DashboardFilters } from './dashboard-filters.tsx';
import { useFigureFormat } from './figure-format.ts';
import { FigureTable } from './figure-table.tsx';
import { TrendTable } from './trend-table.tsx';

// The dashboard's address: ?program=…&fran=…&till=…&centrum=…&kommun=…&malgrupp=…
const urlNames = {
  from: 'fran',
  to: 'till',
  centreId: 'centrum',
  municipality: 'kommun',
  targetGroup: 'malgrupp',
} as const satisfies Record<keyof DashboardParams, string>;

/** Where a programme stands against its goals, for the steering group: women and men side by side. */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const programmes = useProgrammes();
  const sorted = useSortedByName(programmes.data?.items);
  const [searchParams, setSearchParams] = useSearchParams();
  const programmeId = searchParams.get('program') ?? sorted[0]?.id ?? '';
  const params: DashboardParams = {};
  for (const [key, name] of Object.entries(urlNames) as [keyof DashboardParams, string][]) {
    const value = searchParams.get(name);
    if (value) params[key] = value;
  }
  const dashboard = useDashboard(can(user.role, 'dashboard.read') ? programmeId : '', params);

  const navigate = (programme: string, next: DashboardParams) => {
    const search = new URLSearchParams({ program: programme });
    for (const [key, name] of Object.entries(urlNames) as [keyof DashboardParams, string][]) {
      const value = next[key];
      if (value) search.set(name, value);
    }
    setSearchParams(search);
  };

  const header = <PageHeader title={t('dashboard.title')} lead={t('dashboard.lead')} />;
  if (!can(user.role, 'dashboard.read')) {
    return (
      <>
        {header}
        <Notice>{t('dashboard.noAccess')}</Notice>
      </>
    );
  }
  if (programmes.isPending) {
    return (
      <>
        {header}
        <Loading />
      </>
    );
  }
  if (programmes.isError) {
    return (
      <>
        {header}
        <ErrorState error={programmes.error} onRetry={() => programmes.refetch()} />
      </>
    );
  }
  if (sorted.length === 0) {
    return (
      <>
        {header}
        <p className="empty">{t('dashboard.noProgrammes')}</p>
      </>
    );
  }

  return (
    <>
      {header}
      <DashboardFilters
        programmes={sorted}
        programmeId={programmeId}
        params={params}
        data={dashboard.data}
        // The centres and target groups are the programme's own: a new programme starts over, period kept.
        onProgramme={(id) => navigate(id, { from: params.from, to: params.to })}
        onApply={(next) => navigate(programmeId, next)}
      />
      <p className="muted">{t('dashboard.visibility')}</p>
      {dashboard.isPending ? <Loading /> : null}
      {dashboard.isError ? <ErrorState error={dashboard.error} onRetry={() => dashboard.refetch()} /> : null}
      {dashboard.data ? (
        <div aria-busy={dashboard.isFetching || undefined} className="stack">
          <Figures data={dashboard.data} />
        </div>
      ) : null}
    </>
  );
}

function Figures({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const scope: DashboardScope = { programmeId: data.programme.id, ...data.filters };
  const { from, to } = data.filters;
  const days = data.programme.followUpDays;
  const goal = format.percent(data.programme.goalPercent);
  const followUp = data.atFollowUp.shares.total;
  const stepRows = data.active.byStep.map((s) => ({
    key: s.stepId,
    label: `${s.ordinal}. ${s.name}`,
    counts: s.counts,
  }));
  const outcomeRows = data.exits.byOutcome.map((o) => ({
    key: o.outcome,
    label: t(`exitOutcome.${o.outcome}`),
    counts: o.counts,
  }));

  return (
    <>
      <section aria-labelledby="dashboard-key-heading">
        <h2 id="dashboard-key-heading">{t('dashboard.keyHeading', { programme: data.programme.name })}</h2>
        <p>
          {t('dashboard.plannedSummary', {
            enrolled: format.number(data.enrolled.counts.total),
            planned: format.number(data.programme.plannedParticipants),
            percent: format.percent(data.enrolled.ofPlanned.percent),
            from,
            to,
          })}{' '}
          {followUp.denominator === 0
            ? t('dashboard.goalSummaryEmpty', { days, goal })
            : t('dashboard.goalSummary', {
                days,
                goal,
                percent: format.percent(followUp.percent),
                numerator: followUp.numerator,
                denominator: followUp.denominator,
              })}
        </p>
        <FigureTable
          caption={t('dashboard.keyCaption', { from, to })}
          rowHeader={t('dashboard.figure')}
          scope={scope}
          note={t('dashboard.keyNote')}
          rows={[
            {
              key: 'enrolled',
              type: 'count',
              name: t('dashboard.enrolled'),
              label: t('dashboard.enrolled'),
              counts: data.enrolled.counts,
              figure: { kind: 'enrolled' },
            },
            {
              key: 'active',
              type: 'count',
              name: t('dashboard.activeOn', { date: data.active.on }),
              label: t('dashboard.activeOn', { date: data.active.on }),
              counts: data.active.counts,
              figure: { kind: 'active' },
            },
            {
              key: 'exited',
              type: 'count',
              name: t('dashboard.exited'),
              label: t('dashboard.exited'),
              counts: data.exits.counts,
              figure: { kind: 'exited' },
            },
            {
              key: 'atExit',
              type: 'share',
              name: t('dashboard.atExit'),
              label: t('dashboard.atExit'),
              shares: data.atExit.shares,
              numerator: { kind: 'exitedToWorkOrStudies' },
              denominator: { kind: 'exited' },
            },
            {
              key: 'atFollowUp',
              type: 'share',
              name: t('dashboard.atFollowUp', { days }),
              label: (
                <>
                  {t('dashboard.atFollowUp', { days })}
                  <span className="figure-note"> {t('dashboard.goalIs', { goal })}</span>
                </>
              ),
              shares: data.atFollowUp.shares,
              numerator: { kind: 'followedUpInWorkOrStudies' },
              denominator: { kind: 'followedUp' },
              goalReached: data.atFollowUp.goalReached,
            },
            {
              key: 'pending',
              type: 'count',
              name: t('dashboard.pending'),
              label: t('dashboard.pending'),
              counts: data.atFollowUp.pending,
              figure: { kind: 'followUpPending' },
            },
          ]}
        />
      </section>

      <section aria-labelledby="dashboard-active-heading">
        <h2 id="dashboard-active-heading">{t('dashboard.activeHeading', { date: data.active.on })}</h2>
        <h3>{t('dashboard.byStep')}</h3>
        <GenderBarChart title={t('dashboard.byStepChart', { date: data.active.on })} rows={stepRows} />
        <FigureTable
          caption={t('dashboard.byStepCaption', { date: data.active.on })}
          rowHeader={t('dashboard.step')}
          scope={scope}
          note={t('dashboard.byStepNote')}
          rows={data.active.byStep.map((s) => ({
            key: s.stepId,
            type: 'count',
            name: t('dashboard.inStep', { step: `${s.ordinal}. ${s.name}` }),
            label: `${s.ordinal}. ${s.name}`,
            counts: s.counts,
            figure: { kind: 'active', stepId: s.stepId },
          }))}
        />
        <div className="dashboard-pair">
          <div>
            <h3>{t('dashboard.byCentre')}</h3>
            <FigureTable
              caption={t('dashboard.byCentreCaption', { date: data.active.on })}
              rowHeader={t('field.centreId')}
              scope={scope}
              rows={data.active.byCentre.map((c) => ({
                key: c.centreId,
                type: 'count',
                name: t('dashboard.activeAt', { name: c.name }),
                label: c.name,
                counts: c.counts,
                figure: { kind: 'active', centreId: c.centreId },
              }))}
            />
          </div>
          <div>
            <h3>{t('dashboard.byTargetGroup')}</h3>
            <FigureTable
              caption={t('dashboard.byTargetGroupCaption', { date: data.active.on })}
              rowHeader={t('field.targetGroup')}
              scope={scope}
              rows={data.active.byTargetGroup.map((g) => ({
                key: g.kind,
                type: 'count',
                name: t('dashboard.activeIn', { name: g.name }),
                label: g.name,
                counts: g.counts,
                figure: { kind: 'active', targetGroup: g.kind },
              }))}
            />
          </div>
        </div>
      </section>

      <section aria-labelledby="dashboard-exits-heading">
        <h2 id="dashboard-exits-heading">{t('dashboard.exitsHeading')}</h2>
        {outcomeRows.length === 0 ? (
          <p className="empty">{t('dashboard.noExits', { from, to })}</p>
        ) : (
          <>
            <GenderBarChart title={t('dashboard.exitsChart', { from, to })} rows={outcomeRows} />
            <FigureTable
              caption={t('dashboard.exitsCaption', { from, to })}
              rowHeader={t('field.outcome')}
              scope={scope}
              rows={data.exits.byOutcome.map((o) => ({
                key: o.outcome,
                type: 'count',
                name: t('dashboard.exitedTo', { outcome: t(`exitOutcome.${o.outcome}`) }),
                label: t(`exitOutcome.${o.outcome}`),
                counts: o.counts,
                figure: { kind: 'exited', outcome: o.outcome },
              }))}
            />
          </>
        )}
        <h3>{t('dashboard.medianHeading')}</h3>
        <FigureTable
          caption={t('dashboard.medianCaption', { from, to })}
          rowHeader={t('dashboard.figure')}
          scope={scope}
          rows={[
            {
              key: 'toExit',
              type: 'median',
              name: t('dashboard.medianToExit'),
              label: t('dashboard.medianToExit'),
              days: data.medianDays.toExit.days,
              counts: data.medianDays.toExit.counts,
              figure: { kind: 'exited' },
            },
            {
              key: 'toWorkOrStudies',
              type: 'median',
              name: t('dashboard.medianToWorkOrStudies'),
              label: t('dashboard.medianToWorkOrStudies'),
              days: data.medianDays.toWorkOrStudies.days,
              counts: data.medianDays.toWorkOrStudies.counts,
              figure: { kind: 'exitedToWorkOrStudies' },
            },
          ]}
        />
      </section>

      <section aria-labelledby="dashboard-trend-heading">
        <h2 id="dashboard-trend-heading">{t('dashboard.trendHeading')}</h2>
        <TrendChart title={t('dashboard.trendChart', { from, to })} months={data.months} />
        <TrendTable months={data.months} scope={scope} />
      </section>
    </>
  );
}
