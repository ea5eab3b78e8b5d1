import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { todayInSweden } from '../../../core/dates.ts';
import { isApiError } from '../../api/client.ts';
import { DescriptionList } from '../../components/description-list.tsx';
import { personName } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { NotFoundPage } from '../../layout/not-found.page.tsx';
import { useParticipant } from '../participants/participants.queries.ts';
import { ProtectedIdentityMarker } from '../participants/protected-identity-marker.tsx';
import { parseWeek, weekOrDefault } from './week.ts';
import { WeekView } from './week-view.tsx';

/** A participant's week on one A4 sheet, to hand out. */
export function SchedulePrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [searchParams] = useSearchParams();
  const week = weekOrDefault(searchParams.get('vecka'), todayInSweden());
  const parts = parseWeek(week);
  const participant = useParticipant(id);
  const title = t('participantSchedule.printTitle', parts ?? { week, year: '' });
  const backTo = `/deltagare/${id}?flik=schema&vecka=${week}`;

  if (participant.isPending) {
    return (
      <>
        <PageHeader title={title} />
        <Loading />
      </>
    );
  }
  if (participant.isError) {
    if (isApiError(participant.error) && participant.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageHeader title={title} />
        <ErrorState error={participant.error} onRetry={() => participant.refetch()} />
      </>
    );
  }
  const person = participant.data;
  return (
    <div className="print-sheet schedule-print">
      <PageHeader title={title} documentTitle={`${title} – ${personName(person)}`} />
      <div className="print-actions">
        <Button className="button button-primary" onPress={() => window.print()}>
          {t('participantSchedule.printButton')}
        </Button>
        <Link to={backTo} className="button button-secondary">
          {t('participantSchedule.backToSchedule')}
        </Link>
      </div>
      {person.protectedIdentity ? (
        <p className="print-protected">
          <ProtectedIdentityMarker /> {t('participantSchedule.protectedNotice')}
        </p>
      ) : null}
      <DescriptionList
        emptyLabel={t('common.notGiven')}
        items={[
          { key: 'name', term: t('field.name'), value: <bdi>{personName(person)}</bdi> },
          { key: 'centre', term: t('field.centreId'), value: person.centreName },
          { key: 'printed', term: t('participantSchedule.printed'), value: todayInSweden() },
        ]}
      />
      <WeekView scope={{ kind: 'participant', id: person.id }} week={week} />
    </div>
  );
}
