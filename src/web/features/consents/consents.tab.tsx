import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { can } from '../../../core/permissions.ts';
import type { Consent } from '../../../core/schemas/consent.schema.ts';
import type { ParticipantDetail } from '../../../core/schemas/participant.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { formatDate, personName } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { ConsentForm } from './consent-form.tsx';
import { useConsents } from './consents.queries.ts';
import { WithdrawConsentDialog } from './withdraw-consent-dialog.tsx';

export function ConsentsTab({ participant }: { participant: ParticipantDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const consents = useConsents(participant.id);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [recorded, setRecorded] = useState(false);
  const mayWrite = can(user.role, 'consent.write') && !participant.readOnly;

  const columns: Column<Consent>[] = [
    { key: 'givenOn', header: t('field.givenOn'), isRowHeader: true, cell: (c) => formatDate(c.givenOn) },
    {
      key: 'purposes',
      header: t('field.purposes'),
      cell: (c) => (
        <ul className="plain-list">
          {c.purposes.map((p) => (
            <li key={p}>{t(`consentPurpose.${p}`)}</li>
          ))}
        </ul>
      ),
    },
    { key: 'method', header: t('field.method'), cell: (c) => t(`consentMethod.${c.method}`) },
    {
      key: 'language',
      header: t('field.language'),
      cell: (c) => t(`language.${c.language}` as 'language.sv'),
    },
    { key: 'recordedBy', header: t('consents.recordedBy'), cell: (c) => c.recordedBy },
    {
      key: 'state',
      header: t('field.status'),
      cell: (c) =>
        c.withdrawnOn ? (
          <>
            <span className="badge badge-neutral">
              {t('consents.withdrawnOn', { date: formatDate(c.withdrawnOn) })}
            </span>
            {c.withdrawalNote ? <span className="cell-note">{c.withdrawalNote}</span> : null}
          </>
        ) : (
          <span className="badge badge-success">{t('consents.active')}</span>
        ),
    },
  ];
  if (mayWrite) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      cell: (c) =>
        c.withdrawnOn ? null : (
          <Button className="button button-secondary button-small" onPress={() => setWithdrawing(c)}>
            {t('consents.withdraw')}
            <span className="visually-hidden">
              {' '}
              {t('consents.givenOnSuffix', { date: formatDate(c.givenOn) })}
            </span>
          </Button>
        ),
    });
  }

  return (
    <div className="stack">
      <section>
        <h2 id="consents-heading">{t('consents.heading')}</h2>
        {recorded ? (
          <Notice tone="success" live>
            {t('consents.recordedNotice')}
          </Notice>
        ) : null}
        <QueryState query={consents}>
          {(data) => (
            <DataTable
              caption={t('consents.tableCaption', { name: personName(participant) })}
              captionHidden
              columns={columns}
              rows={data.items}
              rowKey={(c) => c.id}
              emptyText={t('consents.empty')}
            />
          )}
        </QueryState>
      </section>
      {mayWrite ? (
        <ConsentForm participantId={participant.id} onRecorded={() => setRecorded(true)} />
      ) : participant.readOnly ? null : (
        <p>{t('common.noPermissionToEdit')}</p>
      )}
      {withdrawing ? (
        <WithdrawConsentDialog
          participantId={participant.id}
          consent={withdrawing}
          onClose={() => setWithdrawing(null)}
        />
      ) : null}
    </div>
  );
}
