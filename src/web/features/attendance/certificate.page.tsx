import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { todayInSweden } from '../../../core/dates.ts';
import type { MonthlyAttendance } from '../../../core/schemas/activity.schema.ts';
import { isApiError } from '../../api/client.ts';
import { type DescriptionItem, DescriptionList } from '../../components/description-list.tsx';
import { personName } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { useLocale } from '../../i18n/index.ts';
import { NotFoundPage } from '../../layout/not-found.page.tsx';
import { useEnrolments } from '../enrolments/enrolments.queries.ts';
import { useParticipant } from '../participants/participants.queries.ts';
import { ProtectedIdentityMarker } from '../participants/protected-identity-marker.tsx';
import { useMonthlyAttendance } from './attendance.queries.ts';
import { formatMinutesAsHours, isMonth, monthBounds, monthName } from './attendance-format.ts';

/** The funder's attendance certificate for one month, on paper to be signed by participant and staff. */
export function CertificatePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '', month = '' } = useParams();
  const valid = isMonth(month);
  const participant = useParticipant(id);
  const enrolments = useEnrolments(id);
  const attendance = useMonthlyAttendance(id, month, valid);
  const title = t('attendance.certificate.title');
  const documentTitle = valid
    ? t('attendance.certificate.documentTitle', { month: monthName(month, locale) })
    : title;
  const backTo = `/deltagare/${id}?flik=narvaro&manad=${month}`;

  if (!valid) return <NotFoundPage />;
  const error = participant.error ?? enrolments.error ?? attendance.error;
  if (error) {
    if (isApiError(error) && error.status === 404) return <NotFoundPage />;
    const retry = () => {
      void participant.refetch();
      void enrolments.refetch();
      void attendance.refetch();
    };
    return (
      <>
        <PageHeader title={title} documentTitle={documentTitle} />
        <ErrorState error={error} onRetry={retry} />
      </>
    );
  }
  const person = participant.data;
  const data = attendance.data;
  if (!person || !enrolments.data || !data) {
    return (
      <>
        <PageHeader title={title} documentTitle={documentTitle} />
        <Loading />
      </>
    );
  }

  // The enrolments that ran during some part of the month.
  const { from, to } = monthBounds(month);
  const programmes = enrolments.data.items
    .filter((e) => e.startsOn <= to && (e.exitedOn === null || e.exitedOn >= from))
    .map((e) => `${e.programmeName} (${e.centreName})`);
  const facts: DescriptionItem[] = [
    { key: 'name', term: t('field.name'), value: <bdi>{personName(person)}</bdi> },
    { key: 'identity', term: t(`identityType.${person.identityType}`), value: person.identityNumber },
    { key: 'programme', term: t('actionPlan.programme'), value: programmes.join(', ') },
    { key: 'month', term: t('field.month'), value: monthName(month, locale) },
    { key: 'printed', term: t('actionPlan.printed'), value: todayInSweden() },
  ];

  return (
    <div className="print-sheet certificate">
      <div className="print-actions">
        <Button className="button button-primary" onPress={() => window.print()}>
          {t('actionPlan.printButton')}
        </Button>
        <Link className="button button-secondary" to={backTo}>
          {t('attendance.certificate.back')}
        </Link>
      </div>
      <PageHeader title={title} documentTitle={documentTitle} />
      {person.protectedIdentity ? (
        <p className="print-protected">
          <ProtectedIdentityMarker /> {t('actionPlan.protectedNotice')}
        </p>
      ) : null}
      <DescriptionList items={facts} emptyLabel={t('common.notGiven')} />
      <h2>{t('attendance.certificate.hoursHeading')}</h2>
      {data.days.length === 0 ? (
        <p className="empty">{t('attendance.month.empty')}</p>
      ) : (
        <CertificateTable data={data} month={month} />
      )}
      <p>{t('attendance.certificate.hoursNote')}</p>
      <section className="print-signatures" aria-labelledby="print-signatures-heading">
        <h2 id="print-signatures-heading">{t('actionPlan.signaturesHeading')}</h2>
        <div className="print-signature-grid">
          {[t('actionPlan.signatureParticipant'), t('attendance.certificate.signatureStaff')].map((label) => (
            <div key={label} className="print-signature">
              <p className="print-signature-line">{label}</p>
              <p className="print-signature-line">{t('actionPlan.nameClarification')}</p>
              <p className="print-signature-line">{t('actionPlan.signatureDate')}</p>
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}

/** Days down, activities across: hours attended, with the month's attended and planned totals below. */
function CertificateTable({ data, month }: { data: MonthlyAttendance; month: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const hours = (minutes: number) => formatMinutesAsHours(minutes, locale);
  const dates = [...new Set(data.days.map((d) => d.date))].sort();
  const cell = (date: string, activityId: string) => {
    const sessions = data.days.filter((d) => d.date === date && d.activityId === activityId);
    if (sessions.length === 0) return '';
    return hours(sessions.reduce((sum, d) => sum + d.attendedMinutes, 0));
  };
  const dayTotal = (date: string) =>
    hours(data.days.filter((d) => d.date === date).reduce((sum, d) => sum + d.attendedMinutes, 0));
  const deviationDays = new Set(data.days.filter((d) => d.deviation).map((d) => d.date));
  return (
    <div className="table-wrapper">
      <table className="table certificate-table">
        <caption className="visually-hidden">
          {t('attendance.certificate.tableCaption', { month: monthName(month, locale) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('field.date')}</th>
            {data.activities.map((a) => (
              <th key={a.activityId} scope="col" className="cell-number">
                {a.activityName}
              </th>
            ))}
            <th scope="col" className="cell-number">
              {t('attendance.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {dates.map((date) => (
            <tr key={date}>
              <th scope="row">
                {date}
                {deviationDays.has(date) ? (
                  <span className="cell-note">{t('attendance.deviation')}</span>
                ) : null}
              </th>
              {data.activities.map((a) => (
                <td key={a.activityId} className="cell-number" data-label={a.activityName}>
                  {cell(date, a.activityId)}
                </td>
              ))}
              <td className="cell-number" data-label={t('attendance.total')}>
                {dayTotal(date)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="table-total">
            <th scope="row">{t('attendance.certificate.attendedTotal')}</th>
            {data.activities.map((a) => (
              <td key={a.activityId} className="cell-number" data-label={a.activityName}>
                {hours(a.attendedMinutes)}
              </td>
            ))}
            <td className="cell-number" data-label={t('attendance.total')}>
              {hours(data.attendedMinutes)}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('attendance.certificate.plannedTotal')}</th>
            {data.activities.map((a) => (
              <td key={a.activityId} className="cell-number" data-label={a.activityName}>
                {hours(a.plannedMinutes)}
              </td>
            ))}
            <td className="cell-number" data-label={t('attendance.total')}>
              {hours(data.plannedMinutes)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
