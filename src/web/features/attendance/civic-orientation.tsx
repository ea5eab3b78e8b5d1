import { useTranslation } from 'react-i18next';
import {
  type CivicOrientationAreaCode,
  civicOrientationAreaCodes,
  civicOrientationAreaNames,
} from '../../../core/civic-orientation.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useCivicOrientation } from './attendance.queries.ts';
import { formatHours } from './attendance-format.ts';

/** Civic orientation: hours against the legal minimum and the programme's target, the eight parts, languages. */
export function CivicOrientationProgress({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const civic = useCivicOrientation(participantId);
  const hours = (value: number) => formatHours(value, locale);
  return (
    <section aria-labelledby="civic-heading" className="panel stack">
      <h3 id="civic-heading">{t('attendance.civic.heading')}</h3>
      <QueryState query={civic}>
        {(data) => {
          const covered = new Set<number>(data.areasCovered);
          return (
            <div className="stack">
              <p>
                <strong>
                  {data.completed ? t('attendance.civic.completed') : t('attendance.civic.notCompleted')}
                </strong>
              </p>
              <div className="civic-progress">
                <label htmlFor="civic-minimum">
                  {t('attendance.civic.againstMinimum', {
                    hours: hours(data.hours),
                    minimum: data.legalMinimum,
                  })}{' '}
                  {data.metMinimum ? t('attendance.civic.met') : t('attendance.civic.notMet')}
                </label>
                <progress
                  id="civic-minimum"
                  value={Math.min(data.hours, data.legalMinimum)}
                  max={data.legalMinimum}
                >
                  {hours(data.hours)}
                </progress>
              </div>
              <div className="civic-progress">
                <label htmlFor="civic-target">
                  {t('attendance.civic.againstTarget', { hours: hours(data.hours), target: data.target })}{' '}
                  {data.metTarget ? t('attendance.civic.met') : t('attendance.civic.notMet')}
                </label>
                <progress id="civic-target" value={Math.min(data.hours, data.target)} max={data.target}>
                  {hours(data.hours)}
                </progress>
              </div>
              <h4>{t('attendance.civic.areasHeading')}</h4>
              <ul className="plain-list civic-areas">
                {civicOrientationAreaCodes.map((code: CivicOrientationAreaCode) => (
                  <li key={code} className="civic-area">
                    <span lang="sv">
                      {code}. {civicOrientationAreaNames[code]}
                    </span>
                    {covered.has(code) ? (
                      <span className="badge badge-success">{t('attendance.civic.covered')}</span>
                    ) : (
                      <span className="badge badge-neutral">{t('attendance.civic.notCovered')}</span>
                    )}
                  </li>
                ))}
              </ul>
              <p>
                {t('attendance.civic.languages')}:{' '}
                {data.deliveryLanguages.length > 0
                  ? data.deliveryLanguages
                      .map((code) => t(`language.${code}` as 'language.sv', { defaultValue: code }))
                      .join(', ')
                  : t('attendance.civic.noLanguages')}
              </p>
            </div>
          );
        }}
      </QueryState>
    </section>
  );
}
