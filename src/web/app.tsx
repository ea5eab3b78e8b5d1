import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { Loading } from './components/query-state.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { NotFoundPage } from './layout/not-found.page.tsx';
import { RequireSession } from './layout/require-session.tsx';
import { RouteError } from './layout/route-error.tsx';

function InitialLoading() {
  return <Loading />;
}

/** A lazily loaded page; Zod is configured first, before any page's schemas are built. */
function page(load: () => Promise<ComponentType>) {
  return async () => {
    await import('./zod-setup.ts');
    return { Component: await load() };
  };
}

// Feature pages load on demand, so the first load carries only the frame and the page asked for.
export function createRouter() {
  return createBrowserRouter([
    // Answering a survey: no login, no staff frame, nothing that reads a session.
    {
      path: 'enkat/:token',
      HydrateFallback: InitialLoading,
      ErrorBoundary: RouteError,
      lazy: page(async () => (await import('./features/surveys/public-survey.page.tsx')).PublicSurveyPage),
    },
    {
      Component: AppLayout,
      HydrateFallback: InitialLoading,
      children: [
        {
          ErrorBoundary: RouteError,
          children: [
            {
              path: 'login',
              lazy: page(async () => (await import('./features/auth/login.page.tsx')).LoginPage),
            },
            {
              Component: RequireSession,
              children: [
                { index: true, element: <Navigate to="/deltagare" replace /> },
                {
                  path: 'deltagare',
                  lazy: page(
                    async () =>
                      (await import('./features/participants/participant-list.page.tsx')).ParticipantListPage,
                  ),
                },
                {
                  path: 'mina-deltagare',
                  lazy: page(
                    async () => (await import('./features/caseload/caseload.page.tsx')).CaseloadPage,
                  ),
                },
                {
                  path: 'deltagare/:id',
                  lazy: page(
                    async () =>
                      (await import('./features/participants/participant.page.tsx')).ParticipantPage,
                  ),
                },
                {
                  path: 'deltagare/:id/plan/:enrolmentId/utskrift',
                  lazy: page(
                    async () => (await import('./features/action-plans/plan-print.page.tsx')).PlanPrintPage,
                  ),
                },
                {
                  path: 'deltagare/:id/registerutdrag',
                  lazy: page(
                    async () =>
                      (await import('./features/register-extract/register-extract.page.tsx'))
                        .RegisterExtractPage,
                  ),
                },
                {
                  path: 'remisser',
                  lazy: page(
                    async () =>
                      (await import('./features/referrals/referral-inbox.page.tsx')).ReferralInboxPage,
                  ),
                },
                {
                  path: 'remisser/ny',
                  lazy: page(
                    async () => (await import('./features/referrals/new-referral.page.tsx')).NewReferralPage,
                  ),
                },
                {
                  path: 'remisser/import',
                  lazy: page(
                    async () =>
                      (await import('./features/import/referral-import.page.tsx')).ReferralImportPage,
                  ),
                },
                {
                  path: 'stegtavla',
                  lazy: page(
                    async () => (await import('./features/steps/step-board.page.tsx')).StepBoardPage,
                  ),
                },
                {
                  path: 'oversikt',
                  lazy: page(
                    async () => (await import('./features/dashboard/dashboard.page.tsx')).DashboardPage,
                  ),
                },
                {
                  path: 'rapporter',
                  lazy: page(
                    async () =>
                      (await import('./features/funder-reports/funder-reports.page.tsx')).FunderReportsPage,
                  ),
                },
                {
                  path: 'uppfoljning',
                  lazy: page(
                    async () => (await import('./features/follow-ups/follow-ups.page.tsx')).FollowUpsPage,
                  ),
                },
                {
                  path: 'grupper',
                  lazy: page(
                    async () => (await import('./features/groups/group-list.page.tsx')).GroupListPage,
                  ),
                },
                {
                  path: 'grupper/ny',
                  lazy: page(async () => (await import('./features/groups/new-group.page.tsx')).NewGroupPage),
                },
                {
                  path: 'grupper/:id',
                  lazy: page(async () => (await import('./features/groups/group.page.tsx')).GroupPage),
                },
                {
                  path: 'schema',
                  lazy: page(async () => (await import('./features/groups/schedule.page.tsx')).SchedulePage),
                },
                {
                  path: 'deltagare/:id/schema/utskrift',
                  lazy: page(
                    async () => (await import('./features/groups/schedule-print.page.tsx')).SchedulePrintPage,
                  ),
                },
                {
                  path: 'narvaro',
                  lazy: page(
                    async () =>
                      (await import('./features/attendance/attendance-today.page.tsx')).AttendanceTodayPage,
                  ),
                },
                {
                  path: 'narvaro/avvikelser',
                  lazy: page(
                    async () => (await import('./features/attendance/deviations.page.tsx')).DeviationsPage,
                  ),
                },
                {
                  path: 'narvaro/:sessionId',
                  lazy: page(
                    async () => (await import('./features/attendance/roll-call.page.tsx')).RollCallPage,
                  ),
                },
                {
                  path: 'deltagare/:id/narvaro/:month/intyg',
                  lazy: page(
                    async () => (await import('./features/attendance/certificate.page.tsx')).CertificatePage,
                  ),
                },
                {
                  path: 'program',
                  lazy: page(
                    async () =>
                      (await import('./features/programmes/programme-list.page.tsx')).ProgrammeListPage,
                  ),
                },
                {
                  path: 'program/nytt',
                  lazy: page(
                    async () =>
                      (await import('./features/programmes/new-programme.page.tsx')).NewProgrammePage,
                  ),
                },
                {
                  path: 'program/:id',
                  lazy: page(
                    async () => (await import('./features/programmes/programme.page.tsx')).ProgrammePage,
                  ),
                },
                {
                  path: 'arbetsgivare',
                  lazy: page(
                    async () =>
                      (await import('./features/employers/employer-list.page.tsx')).EmployerListPage,
                  ),
                },
                {
                  path: 'arbetsgivare/ny',
                  lazy: page(
                    async () => (await import('./features/employers/new-employer.page.tsx')).NewEmployerPage,
                  ),
                },
                {
                  path: 'arbetsgivare/:id',
                  lazy: page(
                    async () => (await import('./features/employers/employer.page.tsx')).EmployerPage,
                  ),
                },
                {
                  path: 'platser',
                  lazy: page(
                    async () => (await import('./features/openings/opening-list.page.tsx')).OpeningListPage,
                  ),
                },
                {
                  path: 'platser/:id',
                  lazy: page(async () => (await import('./features/openings/opening.page.tsx')).OpeningPage),
                },
                {
                  path: 'praktik/ny',
                  lazy: page(
                    async () =>
                      (await import('./features/placements/new-placement.page.tsx')).NewPlacementPage,
                  ),
                },
                {
                  path: 'praktik/:id',
                  lazy: page(
                    async () => (await import('./features/placements/placement.page.tsx')).PlacementPage,
                  ),
                },
                {
                  path: 'enkater',
                  lazy: page(
                    async () => (await import('./features/surveys/survey-list.page.tsx')).SurveyListPage,
                  ),
                },
                {
                  path: 'enkater/ny',
                  lazy: page(
                    async () => (await import('./features/surveys/new-survey.page.tsx')).NewSurveyPage,
                  ),
                },
                {
                  path: 'enkater/:id',
                  lazy: page(async () => (await import('./features/surveys/survey.page.tsx')).SurveyPage),
                },
                {
                  path: 'enkater/:id/resultat',
                  lazy: page(
                    async () =>
                      (await import('./features/surveys/survey-results.page.tsx')).SurveyResultsPage,
                  ),
                },
                {
                  path: 'enkater/:id/lankar/:linkId/utskrift',
                  lazy: page(
                    async () =>
                      (await import('./features/surveys/survey-link-print.page.tsx')).SurveyLinkPrintPage,
                  ),
                },
                {
                  path: 'admin/organisationer',
                  lazy: page(
                    async () =>
                      (await import('./features/admin/organisation-admin.page.tsx')).OrganisationAdminPage,
                  ),
                },
                {
                  path: 'admin/anvandare',
                  lazy: page(
                    async () => (await import('./features/admin/user-admin.page.tsx')).UserAdminPage,
                  ),
                },
                {
                  path: 'admin/anvandare/:id/atkomst',
                  lazy: page(
                    async () => (await import('./features/admin/user-access.page.tsx')).UserAccessPage,
                  ),
                },
                {
                  path: 'admin/granskning',
                  lazy: page(
                    async () => (await import('./features/admin/access-reviews.page.tsx')).AccessReviewsPage,
                  ),
                },
                {
                  path: 'admin/gallring',
                  lazy: page(async () => (await import('./features/admin/retention.page.tsx')).RetentionPage),
                },
                {
                  path: 'admin/granskning/:id',
                  lazy: page(
                    async () => (await import('./features/admin/access-review.page.tsx')).AccessReviewPage,
                  ),
                },
                {
                  path: 'konto',
                  lazy: page(async () => (await import('./features/account/account.page.tsx')).AccountPage),
                },
                { path: '*', Component: NotFoundPage },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
