import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useJournal } from '../journal/journal.queries.ts';
import { OverviewSection } from './overview-section.tsx';
import { ParticipantTabLink } from './participant-tab-link.tsx';

const shown = 3;

/** The latest current journal entries (newest first, as the journal lists them); corrected ones are left out. */
export function OverviewJournal({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const journal = useJournal(participantId);
  return (
    <OverviewSection heading={t('overview.journalHeading')} link={<ParticipantTabLink tab="journal" />}>
      <QueryState query={journal}>
        {(data) => {
          const latest = data.items.filter((e) => e.correctedById === null).slice(0, shown);
          if (latest.length === 0) return <p className="empty">{t('overview.noJournal')}</p>;
          return (
            <ol className="plain-list overview-journal">
              {latest.map((entry) => (
                <li key={entry.id}>
                  <p className="overview-journal-meta">
                    <strong>{formatDate(entry.entryDate)}</strong>{' '}
                    {t('overview.journalMeta', {
                      category: t(`journalCategory.${entry.category}`),
                      author: entry.authorName,
                    })}
                  </p>
                  <p className="overview-journal-text" dir="auto">
                    {entry.text}
                  </p>
                </li>
              ))}
            </ol>
          );
        }}
      </QueryState>
    </OverviewSection>
  );
}
