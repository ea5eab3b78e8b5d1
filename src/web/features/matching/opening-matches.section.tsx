import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../../core/permissions.ts';
import type { Opening } from '../../../core/schemas/employer.schema.ts';
import type { OpeningMatches } from '../../../core/schemas/matching.schema.ts';
import { DataTable } from '../../components/data-table.tsx';
import { personName } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { MatchReasonList } from './match-reason-list.tsx';
import { useOpeningMatches } from './matching.queries.ts';
import { ScoreExplanation } from './score-explanation.tsx';

type Match = OpeningMatches['items'][number] & { rank: number };

/** The participants an opening suits best, ranked, with the reasons for each. */
export function OpeningMatchesSection({ opening }: { opening: Opening }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mayPlace =
    opening.kind === 'internship' && opening.status === 'open' && can(user.role, 'placement.write');
  const matches = useOpeningMatches(opening.id);
  const requirements = {
    requiredSfiCourse: opening.requiredSfiCourse,
    requiredEducationLevelCode: opening.requiredEducationLevelCode,
  };
  return (
    <section aria-labelledby="opening-matches-heading">
      <h2 id="opening-matches-heading">{t('matching.participantsHeading')}</h2>
      <ScoreExplanation />
      <QueryState query={matches}>
        {(data) => (
          <DataTable<Match>
            caption={t('matching.participantsCaption')}
            captionHidden
            columns={[
              { key: 'rank', header: t('matching.rank'), className: 'cell-number', cell: (m) => m.rank },
              {
                key: 'name',
                header: t('matching.name'),
                isRowHeader: true,
                cell: (m) => (
                  <Link to={`/deltagare/${m.participantId}`}>
                    <bdi>{personName(m)}</bdi>
                  </Link>
                ),
              },
              { key: 'centre', header: t('matching.centre'), cell: (m) => m.centreName },
              { key: 'score', header: t('matching.score'), className: 'cell-number', cell: (m) => m.score },
              {
                key: 'reasons',
                header: t('matching.reasons'),
                cell: (m) => <MatchReasonList reasons={m.reasons} requirements={requirements} />,
              },
              ...(mayPlace
                ? [
                    {
                      key: 'place',
                      header: t('common.actions'),
                      cell: (m: Match) => (
                        <Link to={`/praktik/ny?deltagare=${m.participantId}&plats=${opening.id}`}>
                          {t('matching.place')}
                          <span className="visually-hidden">
                            : <bdi>{personName(m)}</bdi>
                          </span>
                        </Link>
                      ),
                    },
                  ]
                : []),
            ]}
            rows={data.items.map((m, index) => ({ ...m, rank: index + 1 }))}
            rowKey={(m) => m.participantId}
            emptyText={t('matching.participantsEmpty')}
          />
        )}
      </QueryState>
    </section>
  );
}
