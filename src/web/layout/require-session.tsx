import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState, Loading } from '../components/query-state.tsx';
import { useSession } from '../features/auth/session.queries.ts';

/** Lets signed-in users through; others go to the login page, which brings them back afterwards. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?${new URLSearchParams({ next })}`} replace />;
  }
  // The role requires two-step verification: Mitt konto, where it is turned on, is all there is until it is.
  if (session.data.mustEnrolTwoFactor && location.pathname !== '/konto')
    return <Navigate to="/konto" replace />;
  return <Outlet />;
}
