import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RetentionPreview, RetentionRunResult } from '../../../core/schemas/retention.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, Loading, QueryState } from '../../components/query-state.tsx';
import { useRetentionPreview, useRetentionRuns, useRunRetention } from './retention.queries.ts';

type Group = RetentionPreview['groups'][number];
type Run = NonNullable<ReturnType<typeof useRetentionRuns>['data']>['items'][number];

/**
 * Retention (gallring): a dry run shows who has expired under the programmes' rules, counted by programme, and
 * the administrator confirms the run that anonymises exactly those; the log below lists every run.
 */
export function RetentionPage() {
  const { t } = useTranslation();
  const [asked, setAsked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<RetentionRunResult | null>(null);
  const preview = useRetentionPreview(asked);
  const runs = useRetentionRuns();
  const run = useRunRetention();

  const dryRun = () => {
    setDone(null);
    run.reset();
    if (asked) void preview.refetch();
    else setAsked(true);
  };
  const confirm = (fingerprint: string) =>
    run.mutate(fingerprint, {
      onSuccess: (result) => {
        setDone(result);
        setConfirming(false);
        setAsked(false);
      },
      onError: () => setConfirming(false),
    });

  const groupColumns: Column<Group>[] = [
    {
      key: 'programme',
      header: t('retention.programme'),
      isRowHeader: true,
      cell: (g) => g.programmeName ?? t('retention.noProgramme'),
    },
    { key: 'rule', header: t('retention.rule'), cell: (g) => t(`retentionRule.${g.rule}`) },
    { key: 'count', header: t('retention.count'), cell: (g) => g.count },
  ];
  const runColumns: Column<Run>[] = [
    { key: 'ranAt', header: t('retention.ranAt'), isRowHeader: true, cell: (r) => formatDateTime(r.ranAt) },
    { key: 'asOf', header: t('retention.asOf'), cell: (r) => r.asOf },
    { key: 'anonymised', header: t('retention.anonymised'), cell: (r) => r.anonymised },
    {
      key: 'runBy',
      header: t('retention.runBy'),
      cell: (r) =>
        r.runByName ??
        (r.wholeInstallation ? t('retention.commandLineInstallation') : t('retention.commandLine')),
    },
  ];

  const shown = asked ? preview.data : undefined;
  return (
    <>
      <PageHeader title={t('retention.title')} lead={t('retention.lead')} />
      <section aria-labelledby="retention-preview-heading" className="panel stack">
        <h2 id="retention-preview-heading">{t('retention.previewHeading')}</h2>
        <p>{t('retention.previewHelp')}</p>
        <div className="form-actions">
          <Button className="button button-secondary" isDisabled={preview.isFetching} onPress={dryRun}>
            {t('retention.dryRun')}
          </Button>
        </div>
        {done ? (
          <Notice tone="success" live>
            {t('retention.done', { count: done.anonymised })}
          </Notice>
        ) : null}
        {run.error ? <ErrorState error={run.error} /> : null}
        {asked && preview.isFetching ? <Loading /> : null}
        {asked && preview.error ? <ErrorState error={preview.error} onRetry={dryRun} /> : null}
        {shown && !preview.isFetching ? (
          <div>
            <p role="status">
              {shown.total === 0
                ? t('retention.nothing', { date: shown.asOf })
                : t('retention.found', { count: shown.total, date: shown.asOf })}
            </p>
            {shown.batch < shown.total ? <p>{t('retention.inTurns', { count: shown.batch })}</p> : null}
            {shown.total > 0 ? (
              <>
                <DataTable
                  caption={t('retention.groupsCaption')}
                  columns={groupColumns}
                  rows={shown.groups}
                  rowKey={(g) => `${g.rule}:${g.programmeId ?? ''}`}
                  emptyText={t('retention.nothing', { date: shown.asOf })}
                />
                <div className="form-actions">
                  <Button className="button button-primary" onPress={() => setConfirming(true)}>
                    {t('retention.anonymise', { count: shown.batch })}
                  </Button>
                </div>
                <ModalDialog
                  title={t('retention.confirmTitle')}
                  isOpen={confirming}
                  onOpenChange={setConfirming}
                >
                  <p>{t('retention.confirmText', { count: shown.batch })}</p>
                  <div className="form-actions">
                    <Button
                      className="button button-primary"
                      isDisabled={run.isPending}
                      onPress={() => confirm(shown.fingerprint)}
                    >
                      {t('retention.confirm', { count: shown.batch })}
                    </Button>
                    <Button className="button button-secondary" onPress={() => setConfirming(false)}>
                      {t('common.cancel')}
                    </Button>
                  </div>
                </ModalDialog>
              </>
            ) : null}
          </div>
        ) : null}
      </section>
      <section aria-labelledby="retention-log-heading" className="panel stack">
        <h2 id="retention-log-heading">{t('retention.logHeading')}</h2>
        <QueryState query={runs}>
          {(data) => (
            <DataTable
              caption={t('retention.logCaption')}
              columns={runColumns}
              rows={data.items}
              rowKey={(r) => r.id}
              emptyText={t('retention.logEmpty')}
            />
          )}
        </QueryState>
      </section>
    </>
  );
}
