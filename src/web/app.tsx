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
                  path: 'uppfoljning',
                  lazy: page(
                    async () => (await import('./features/follow-ups/follow-ups.page.tsx')).FollowUpsPage,
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
                { path: '*', Component: NotFoundPage },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
