import { useTranslation } from 'react-i18next';
import { matchReasonCodes, matchWeights } from '../../../core/matching.ts';
import { DataTable } from '../../components/data-table.tsx';
import { signedPoints } from './match-reason-text.ts';

/** How a score is computed, from the weights the ranking itself uses, so the two cannot drift apart. */
export function ScoreExplanation() {
  const { t } = useTranslation();
  return (
    <details className="match-explanation">
      <summary>{t('matching.howHeading')}</summary>
      <p>{t('matching.howIntro')}</p>
      <DataTable
        caption={t('matching.howCaption')}
        captionHidden
        columns={[
          {
            key: 'reason',
            header: t('matching.howReason'),
            isRowHeader: true,
            cell: (code) => t(`matching.reasonName.${code}`),
          },
          {
            key: 'met',
            header: t('matching.howMet'),
            cell: (code) => t('matching.points', { points: signedPoints(matchWeights[code].met) }),
          },
          {
            key: 'unmet',
            header: t('matching.howUnmet'),
            cell: (code) => t('matching.points', { points: signedPoints(matchWeights[code].unmet) }),
          },
        ]}
        rows={matchReasonCodes}
        rowKey={(code) => code}
        emptyText=""
      />
    </details>
  );
}
