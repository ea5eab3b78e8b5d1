import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { can } from '../../../core/permissions.ts';
import type { JournalEntry } from '../../../core/schemas/journal.schema.ts';
import type { ParticipantDetail } from '../../../core/schemas/participant.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { formatDate, formatDateTime, personName } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { CorrectJournalDialog } from './correct-journal-dialog.tsx';
import { useJournal } from './journal.queries.ts';
import { JournalEntryForm } from './journal-entry-form.tsx';

const anchor = (id: string) => `journal-${id}`;

export function JournalTab({ participant }: { participant: ParticipantDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const journal = useJournal(participant.id);
  const [correcting, setCorrecting] = useState<JournalEntry | null>(null);
  const [notice, setNotice] = useState<'saved' | 'corrected' | null>(null);
  const mayWrite = can(user.role, 'journal.write') && !participant.readOnly;

  const columns: Column<JournalEntry>[] = [
    {
      key: 'entryDate',
      header: t('field.entryDate'),
      isRowHeader: true,
      cell: (e) => <span id={anchor(e.id)}>{formatDate(e.entryDate)}</span>,
    },
    { key: 'category', header: t('field.category'), cell: (e) => t(`journalCategory.${e.category}`) },
    {
      key: 'text',
      header: t('field.text'),
      cell: (e) => (
        <>
          <span className="journal-text" dir="auto">
            {e.text}
          </span>
          {e.correctionReason ? (
            <span className="cell-note">{t('journal.correctionReason', { reason: e.correctionReason })}</span>
          ) : null}
        </>
      ),
    },
    {
      key: 'author',
      header: t('journal.author'),
      cell: (e) => (
        <>
          {e.authorName}
          <span className="cell-note">{formatDateTime(e.createdAt)}</span>
        </>
      ),
    },
    {
      key: 'state',
      header: t('field.status'),
      cell: (e) => (
        <>
          {e.correctedById ? (
            <>
              <span className="badge badge-neutral">{t('journal.corrected')}</span>{' '}
              <a href={`#${anchor(e.correctedById)}`}>{t('journal.correctedSeeNew')}</a>
            </>
          ) : null}
          {e.correctsId ? (
            <>
              <span className="badge badge-info">{t('journal.correction')}</span>{' '}
              <a href={`#${anchor(e.correctsId)}`}>{t('journal.correctsOriginal')}</a>
            </>
          ) : null}
        </>
      ),
    },
  ];
  if (mayWrite) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      cell: (e) =>
        e.correctedById ? null : (
          <Button className="button button-secondary button-small" onPress={() => setCorrecting(e)}>
            {t('journal.correct')}
            <span className="visually-hidden">
              {' '}
              {t('journal.correctSuffix', { date: formatDate(e.entryDate) })}
            </span>
          </Button>
        ),
    });
  }

  return (
    <div className="stack">
      <section aria-labelledby="journal-heading">
        <h2 id="journal-heading">{t('journal.heading')}</h2>
        {notice ? (
          <Notice tone="success" live>
            {notice === 'saved' ? t('journal.savedNotice') : t('journal.correctedNotice')}
          </Notice>
        ) : null}
        <QueryState query={journal}>
          {(data) => (
            <DataTable
              caption={t('journal.tableCaption', { name: personName(participant) })}
              captionHidden
              columns={columns}
              rows={data.items}
              rowKey={(e) => e.id}
              emptyText={t('journal.empty')}
            />
          )}
        </QueryState>
      </section>
      {mayWrite ? (
        <JournalEntryForm participantId={participant.id} onSaved={() => setNotice('saved')} />
      ) : participant.readOnly ? null : (
        <p>{t('common.noPermissionToEdit')}</p>
      )}
      {correcting ? (
        <CorrectJournalDialog
          participantId={participant.id}
          entry={correcting}
          onClose={() => setCorrecting(null)}
          onCorrected={() => {
            setCorrecting(null);
            setNotice('corrected');
          }}
        />
      ) : null}
    </div>
  );
}
