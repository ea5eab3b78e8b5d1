import { useMemo } from 'react';
import { type Key, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { can } from '../../../core/permissions.ts';
import { yearMonth } from '../../../core/schemas/funder-report.schema.ts';
import { useProgrammes } from '../../api/reference.queries.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useSortedByName } from '../../i18n/options.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { CofinancingSection } from './cofinancing.section.tsx';
import type { Period } from './funder-reports.queries.ts';
import { IndicatorsSection } from './indicators.section.tsx';
import { MonthlyFileSection } from './monthly-file.section.tsx';

// The address: ?program=…&flik=manadsfil|indikatorer|medfinansiering&manad=YYYY-MM&fran=…&till=…
const tabIds = ['manadsfil', 'indikatorer', 'medfinansiering'] as const;
type TabId = (typeof tabIds)[number];

/** The funder's reports (ESF) of a programme the user's organisation owns, for its programme managers. */
export function FunderReportsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const programmes = useProgrammes();
  const all = useSortedByName(programmes.data?.items);
  // Only the owner organisation reports the programme to the funder.
  const owned = useMemo(() => all.filter((p) => p.ownerOrganisation.id === user.organisationId), [all, user]);
  const [searchParams, setSearchParams] = useSearchParams();
  const requestedProgramme = searchParams.get('program');
  const programmeId = owned.some((p) => p.id === requestedProgramme)
    ? (requestedProgramme as string)
    : (owned[0]?.id ?? '');
  const requestedTab = searchParams.get('flik');
  const tab: TabId = tabIds.includes(requestedTab as TabId) ? (requestedTab as TabId) : 'manadsfil';
  const requestedMonth = searchParams.get('manad') ?? '';
  const month = yearMonth.safeParse(requestedMonth).success ? requestedMonth : '';
  const period: Period = {
    from: searchParams.get('fran') || undefined,
    to: searchParams.get('till') || undefined,
  };

  /** The address with some of its parts changed ('' or undefined removes one). */
  const withParams = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    if (programmeId) next.set('program', programmeId);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    return next;
  };
  const setPeriod = (next: Period) => setSearchParams(withParams({ fran: next.from, till: next.to }));
  const monthHref = (m: string) => `?${withParams({ flik: 'manadsfil', manad: m }).toString()}`;

  const header = <PageHeader title={t('funderReports.title')} lead={t('funderReports.lead')} />;
  if (!can(user.role, 'funderReport.read')) {
    return (
      <>
        {header}
        <Notice>{t('funderReports.noAccess')}</Notice>
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
  if (owned.length === 0) {
    return (
      <>
        {header}
        <p className="empty">{t('funderReports.noProgrammes')}</p>
      </>
    );
  }

  return (
    <>
      {header}
      <div className="filters">
        <SelectField
          id="funder-reports-programme"
          label={t('funderReports.programme')}
          value={programmeId}
          // Months and periods belong to a programme: a new programme starts at its list of months.
          onChange={(id) => setSearchParams(new URLSearchParams({ program: id, flik: tab }))}
          options={owned.map((p) => ({ value: p.id, label: p.name }))}
        />
      </div>
      <Tabs
        className="tabs"
        selectedKey={tab}
        onSelectionChange={(key: Key) =>
          setSearchParams(withParams({ flik: String(key) }), { replace: true })
        }
      >
        <TabList className="tab-list" aria-label={t('funderReports.tabsLabel')}>
          {tabIds.map((id) => (
            <Tab key={id} className="tab" id={id}>
              {t(`funderReports.tabs.${id}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel className="tab-panel" id="manadsfil">
          <MonthlyFileSection programmeId={programmeId} month={month} monthHref={monthHref} />
        </TabPanel>
        <TabPanel className="tab-panel" id="indikatorer">
          <IndicatorsSection programmeId={programmeId} period={period} onPeriod={setPeriod} />
        </TabPanel>
        <TabPanel className="tab-panel" id="medfinansiering">
          <CofinancingSection programmeId={programmeId} period={period} onPeriod={setPeriod} />
        </TabPanel>
      </Tabs>
    </>
  );
}
