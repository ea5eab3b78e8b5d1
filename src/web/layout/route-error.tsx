import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { NotFoundPage } from './not-found.page.tsx';

/** Shown when a page fails to load or throws while rendering. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <>
      <PageHeader title={t('routeError.title')} />
      <div className="notice notice-error" role="alert">
        <p>{t('routeError.body')}</p>
      </div>
      <p>
        <a href={window.location.pathname}>{t('routeError.reload')}</a>
      </p>
    </>
  );
}
