import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DataCheck } from '../../../core/schemas/funder-report.schema.ts';
import { Notice } from '../../components/notice.tsx';
import { fixLinks } from './funder-report-format.ts';

/**
 * The check before export: who lacks data, what is missing in words, and where it is corrected. A warning when
 * the programme only warns, an error when it refuses export until the data is right.
 */
export function DataCheckPanel({ check }: { check: DataCheck }) {
  const { t } = useTranslation();
  const headingId = useId();
  const count = check.participants.length;
  if (count === 0) return <Notice tone="success">{t('funderReports.checkClean')}</Notice>;
  return (
    <section
      className={`notice notice-${check.blocked ? 'error' : 'warning'} data-check`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>{t('funderReports.checkHeading', { count })}</h3>
      <p>{check.blocked ? t('funderReports.checkRefuse') : t('funderReports.checkWarn')}</p>
      <div className="table-wrapper">
        <table className="table">
          <caption className="visually-hidden">{t('funderReports.checkCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('funderReports.checkParticipant')}</th>
              <th scope="col">{t('funderReports.checkProblems')}</th>
              <th scope="col">{t('funderReports.checkFix')}</th>
            </tr>
          </thead>
          <tbody>
            {check.participants.map((p) => {
              return (
                <tr key={p.enrolmentId}>
                  <th scope="row">
                    <bdi>{p.name}</bdi>
                  </th>
                  <td data-label={t('funderReports.checkProblems')}>
                    <ul className="plain-list">
                      {p.problems.map((problem) => (
                        <li key={problem}>{t(`funderReports.problem.${problem}`)}</li>
                      ))}
                    </ul>
                  </td>
                  <td data-label={t('funderReports.checkFix')}>
                    {p.participantId === null ? (
                      t('funderReports.fixProtected')
                    ) : (
                      <ul className="plain-list">
                        {fixLinks(p.participantId, p.problems).map(({ tab, href }) => (
                          <li key={tab}>
                            <Link to={href}>
                              {t('funderReports.fixIn', { tab: t(`participant.tabs.${tab}`) })}
                              <span className="visually-hidden">
                                {' '}
                                {t('funderReports.fixFor', { name: p.name })}
                              </span>
                            </Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
