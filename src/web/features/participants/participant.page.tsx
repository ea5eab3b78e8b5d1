import { type Key, lazy, type ReactNode, Suspense } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { can } from '../../../core/permissions.ts';
import type { ParticipantDetail } from '../../../core/schemas/participant.schema.ts';
import { isApiError } from '../../api/client.ts';
import { type DescriptionItem, DescriptionList } from '../../components/description-list.tsx';
import { formatDate, personName } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { NotFoundPage } from '../../layout/not-found.page.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { OverviewTab } from './overview.tab.tsx';
import { useParticipant } from './participants.queries.ts';
import { ProtectedIdentityMarker } from './protected-identity-marker.tsx';

// Each tab's code loads when the tab is first opened.
const ParticipantReferralsTab = lazy(async () => ({
  default: (await import('../referrals/participant-referrals.tab.tsx')).ParticipantReferralsTab,
}));
const ConsentsTab = lazy(async () => ({
  default: (await import('../consents/consents.tab.tsx')).ConsentsTab,
}));
const EnrolmentsTab = lazy(async () => ({
  default: (await import('../enrolments/enrolments.tab.tsx')).EnrolmentsTab,
}));
const AssessmentsTab = lazy(async () => ({
  default: (await import('../assessments/assessments.tab.tsx')).AssessmentsTab,
}));
const PlanTab = lazy(async () => ({
  default: (await import('../action-plans/plan.tab.tsx')).PlanTab,
}));
const JournalTab = lazy(async () => ({
  default: (await import('../journal/journal.tab.tsx')).JournalTab,
}));
const TeamTab = lazy(async () => ({
  default: (await import('../team/team.tab.tsx')).TeamTab,
}));
const ScheduleTab = lazy(async () => ({
  default: (await import('../groups/participant-schedule.tab.tsx')).ParticipantScheduleTab,
}));
const AttendanceTab = lazy(async () => ({
  default: (await import('../attendance/attendance.tab.tsx')).AttendanceTab,
}));
const ParticipantOpeningsTab = lazy(async () => ({
  default: (await import('../matching/participant-openings.tab.tsx')).ParticipantOpeningsTab,
}));
const AccessLogTab = lazy(async () => ({
  default: (await import('../admin/access-log.tab.tsx')).AccessLogTab,
}));

function LazyTab({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

// Tab ids are the Swedish words in the address (?flik=samtycke), so a tab can be linked to.
const tabIds = [
  'oversikt',
  'remisser',
  'samtycke',
  'inskrivning',
  'kartlaggning',
  'plan',
  'journal',
  'team',
  'schema',
  'narvaro',
  'platser',
  'atkomstlogg',
] as const;
type TabId = (typeof tabIds)[number];

export function ParticipantPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const participant = useParticipant(id);
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const [searchParams, setSearchParams] = useSearchParams();
  const showAccessLog = can(user.role, 'accessLog.read');
  const requested = searchParams.get('flik');
  const tab: TabId =
    tabIds.includes(requested as TabId) && (requested !== 'atkomstlogg' || showAccessLog)
      ? (requested as TabId)
      : 'oversikt';
  const tabLabel = t(`participant.tabs.${tab}`);
  const documentTitle = `${tabLabel} – ${t('participant.title')}`;

  if (participant.isPending) {
    return (
      <>
        <PageHeader title={t('participant.title')} documentTitle={documentTitle} />
        <Loading />
      </>
    );
  }
  if (participant.isError) {
    if (isApiError(participant.error) && participant.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageHeader title={t('participant.title')} documentTitle={documentTitle} />
        <ErrorState error={participant.error} onRetry={() => participant.refetch()} />
      </>
    );
  }

  const detail = participant.data;
  const selectTab = (key: Key) => {
    const next = new URLSearchParams(searchParams);
    next.set('flik', String(key));
    setSearchParams(next, { replace: true, state: null });
  };

  return (
    <>
      <PageHeader
        title={<bdi>{personName(detail)}</bdi>}
        documentTitle={documentTitle}
        actions={
          <>
            <StatusBadge kind="participant" status={detail.status} />
            {can(user.role, 'participant.extract') ? (
              <Link className="button button-secondary" to={`/deltagare/${id}/registerutdrag`}>
                {t('registerExtract.link')}
              </Link>
            ) : null}
          </>
        }
      >
        <KeyFacts participant={detail} />
      </PageHeader>

      {notice === 'referralSaved' ? (
        <Notice tone="success" live>
          {t('participant.referralSavedNotice')}
        </Notice>
      ) : null}
      {detail.readOnly ? <Notice tone="warning">{t('participant.readOnlyNotice')}</Notice> : null}

      <Tabs className="tabs" selectedKey={tab} onSelectionChange={selectTab}>
        <TabList className="tab-list" aria-label={t('participant.tabsLabel')}>
          <Tab className="tab" id="oversikt">
            {t('participant.tabs.oversikt')}
          </Tab>
          <Tab className="tab" id="remisser">
            {t('participant.tabs.remisser')}
          </Tab>
          <Tab className="tab" id="samtycke">
            {t('participant.tabs.samtycke')}
          </Tab>
          <Tab className="tab" id="inskrivning">
            {t('participant.tabs.inskrivning')}
          </Tab>
          <Tab className="tab" id="kartlaggning">
            {t('participant.tabs.kartlaggning')}
          </Tab>
          <Tab className="tab" id="plan">
            {t('participant.tabs.plan')}
          </Tab>
          <Tab className="tab" id="journal">
            {t('participant.tabs.journal')}
          </Tab>
          <Tab className="tab" id="team">
            {t('participant.tabs.team')}
          </Tab>
          <Tab className="tab" id="schema">
            {t('participant.tabs.schema')}
          </Tab>
          <Tab className="tab" id="narvaro">
            {t('participant.tabs.narvaro')}
          </Tab>
          <Tab className="tab" id="platser">
            {t('participant.tabs.platser')}
          </Tab>
          {showAccessLog ? (
            <Tab className="tab" id="atkomstlogg">
              {t('participant.tabs.atkomstlogg')}
            </Tab>
          ) : null}
        </TabList>
        <TabPanel className="tab-panel" id="oversikt">
          <OverviewTab participant={detail} />
        </TabPanel>
        <TabPanel className="tab-panel" id="remisser">
          <LazyTab>
            <ParticipantReferralsTab participant={detail} />
          </LazyTab>
        </TabPanel>
        <TabPanel className="tab-panel" id="samtycke">
          <LazyTab>
            <ConsentsTab participant={detail} />
          </LazyTab>
        </TabPanel>
        <TabPanel className="tab-panel" id="inskrivning">
          <LazyTab>
            <EnrolmentsTab participant={detail} />
          </LazyTab>
        </TabPanel>
        <TabPanel className="tab-panel" id="kartlaggning">
          <LazyTab>
            <AssessmentsTab participant={detail} />
          </LazyTab>
        </TabPanel>
        <TabPanel className="tab-panel" id="plan">
          <LazyTab>
            <PlanTab participant={detail} />
          </LazyTab>
        </TabPanel>
        <TabPanel className="tab-panel" id="journal">
          <LazyTab>
            <JournalTab participant={detail} />
          </LazyTab>
        </TabPanel>
        <TabPanel className="tab-panel" id="team">
          <LazyTab>
            <TeamTab participant={detail} />
          </LazyTab>
        </TabPanel>
        <TabPanel className="tab-panel" id="schema">
          <LazyTab>
            <ScheduleTab participant={detail} />
          </LazyTab>
        </TabPanel>
        <TabPanel className="tab-panel" id="narvaro">
          <LazyTab>
            <AttendanceTab participant={detail} />
          </LazyTab>
        </TabPanel>
        <TabPanel className="tab-panel" id="platser">
          <LazyTab>
            <ParticipantOpeningsTab participant={detail} />
          </LazyTab>
        </TabPanel>
        {showAccessLog ? (
          <TabPanel className="tab-panel" id="atkomstlogg">
            <LazyTab>
              <AccessLogTab participantId={detail.id} />
            </LazyTab>
          </TabPanel>
        ) : null}
      </Tabs>
    </>
  );
}

function KeyFacts({ participant }: { participant: ParticipantDetail }) {
  const { t } = useTranslation();
  const language = participant.preferredLanguage
    ? t(`language.${participant.preferredLanguage}` as 'language.sv')
    : t('common.notGiven');
  const items: DescriptionItem[] = [
    {
      key: 'identity',
      term: t(`identityType.${participant.identityType}`),
      value: participant.identityNumber,
    },
    { key: 'birthDate', term: t('field.birthDate'), value: formatDate(participant.birthDate) },
    { key: 'legalGender', term: t('field.legalGender'), value: t(`legalGender.${participant.legalGender}`) },
    { key: 'centre', term: t('field.centreId'), value: participant.centreName },
    {
      key: 'language',
      term: t('field.preferredLanguage'),
      value: participant.interpreterNeeded
        ? t('participant.languageWithInterpreter', { language })
        : language,
    },
  ];
  return (
    <div className="key-facts">
      <DescriptionList items={items} emptyLabel={t('common.notGiven')} />
      {participant.protectedIdentity ? <ProtectedIdentityMarker /> : null}
    </div>
  );
}
