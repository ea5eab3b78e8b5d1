import { useTranslation } from 'react-i18next';
import type { MatchReason } from '../../../core/matching.ts';
import { type OpeningRequirements, reasonPointsText, reasonText } from './match-reason-text.ts';

/** The reasons behind a rank, each said in words as met or not, with the points it gives. */
export function MatchReasonList({
  reasons,
  requirements,
}: {
  reasons: readonly MatchReason[];
  requirements?: OpeningRequirements;
}) {
  const { t } = useTranslation();
  return (
    <ul className="match-reasons">
      {reasons.map((reason) => (
        <li key={reason.code} className={reason.met ? 'match-reason-met' : 'match-reason-unmet'}>
          <span className="visually-hidden">{reason.met ? t('matching.met') : t('matching.unmet')}: </span>
          {reasonText(t, reason, requirements)}{' '}
          <span className="match-reason-points">
            ({t('matching.points', { points: reasonPointsText(reason) })})
          </span>
        </li>
      ))}
    </ul>
  );
}
