import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../../core/permissions.ts';
import type { ParticipantMatches } from '../../../core/schemas/matching.schema.ts';
import type { ParticipantDetail } from '../../../core/schemas/participant.schema.ts';
import { DataTable } from '../../components/data-table.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { ParticipantPlacementsSection } from '../placements/participant-placements.section.tsx';
import { MatchReasonList } from './match-reason-list.tsx';
import { useParticipantMatches } from './matching.queries.ts';
import { ScoreExplanation } from './score-explanation.tsx';

type Match = ParticipantMatches['items'][number] & { rank: number };

/** The open openings that suit a participant best, ranked as on the opening's page. */
export function ParticipantOpeningsTab({ participant }: { participant: ParticipantDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const matches = useParticipantMatches(participant.id);
  const mayPlace = !participant.readOnly && can(user.role, 'placement.write');
  return (
    <>
      <ParticipantPlacementsSection participantId={participant.id} mayChange={!participant.readOnly} />
      <section aria-labelledby="participant-openings-heading">
        <h2 id="participant-openings-heading">{t('matching.openingsHeading')}</h2>
        <ScoreExplanation />
        <QueryState query={matches}>
          {(data) => (
            <DataTable<Match>
              caption={t('matching.openingsCaption')}
              captionHidden
              columns={[
                { key: 'rank', header: t('matching.rank'), className: 'cell-number', cell: (m) => m.rank },
                {
                  key: 'opening',
                  header: t('matching.opening'),
                  isRowHeader: true,
                  cell: (m) => (
                    <Link to={`/platser/${m.openingId}`}>
                      <bdi>{m.title}</bdi>
                    </Link>
                  ),
                },
                {
                  key: 'employer',
                  header: t('matching.employer'),
                  cell: (m) => (
                    <Link to={`/arbetsgivare/${m.employerId}`}>
                      <bdi>{m.employerName}</bdi>
                    </Link>
                  ),
                },
                {
                  key: 'occupation',
                  header: t('matching.occupation'),
                  cell: (m) => `${t(`openingKind.${m.kind}`)}, ${m.occupationName}`,
                },
                {
                  key: 'municipality',
                  header: t('matching.municipality'),
                  cell: (m) => m.municipalityName ?? t('common.notGiven'),
                },
                { key: 'score', header: t('matching.score'), className: 'cell-number', cell: (m) => m.score },
                {
                  key: 'reasons',
                  header: t('matching.reasons'),
                  cell: (m) => <MatchReasonList reasons={m.reasons} />,
                },
                ...(mayPlace
                  ? [
                      {
                        key: 'place',
                        header: t('common.actions'),
                        cell: (m: Match) =>
                          m.kind === 'internship' ? (
                            <Link to={`/praktik/ny?deltagare=${participant.id}&plats=${m.openingId}`}>
                              {t('matching.place')}
                              <span className="visually-hidden">: {m.title}</span>
                            </Link>
                          ) : null,
                      },
                    ]
                  : []),
              ]}
              rows={data.items.map((m, index) => ({ ...m, rank: index + 1 }))}
              rowKey={(m) => m.openingId}
              emptyText={t('matching.openingsEmpty')}
            />
          )}
        </QueryState>
      </section>
    </>
  );
}
