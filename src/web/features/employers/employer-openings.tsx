import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Employer, Opening } from '../../../core/schemas/employer.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { formatDate } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { OpeningForm } from '../openings/opening-form.tsx';
import { OpeningStatusBadge } from '../openings/opening-status-badge.tsx';
import { useOpeningList } from '../openings/openings.queries.ts';

/** The employer's internships and jobs; those who manage employers post new ones here. */
export function EmployerOpenings({ employer, mayManage }: { employer: Employer; mayManage: boolean }) {
  const { t } = useTranslation();
  const openings = useOpeningList({ employerId: employer.id, page: 1, pageSize: 200 });
  const [isAdding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);

  const columns: Column<Opening>[] = [
    {
      key: 'title',
      header: t('openings.columns.title'),
      isRowHeader: true,
      cell: (o) => (
        <Link to={`/platser/${o.id}`}>
          <bdi>{o.title}</bdi>
        </Link>
      ),
    },
    { key: 'kind', header: t('openings.columns.kind'), cell: (o) => t(`openingKind.${o.kind}`) },
    { key: 'occupation', header: t('openings.columns.occupation'), cell: (o) => o.occupationName },
    { key: 'places', header: t('openings.columns.places'), cell: (o) => String(o.places) },
    {
      key: 'startsOn',
      header: t('openings.columns.startsOn'),
      cell: (o) => <span className="cell-date">{formatDate(o.startsOn)}</span>,
    },
    {
      key: 'status',
      header: t('openings.columns.status'),
      cell: (o) => <OpeningStatusBadge status={o.status} />,
    },
  ];

  return (
    <section aria-labelledby="employer-openings-heading" className="stack">
      <div className="section-header">
        <h2 id="employer-openings-heading">{t('employer.openingsHeading')}</h2>
        {mayManage && !isAdding ? (
          <Button
            className="button button-secondary"
            onPress={() => {
              setSaved(false);
              setAdding(true);
            }}
          >
            {t('employer.newOpening')}
          </Button>
        ) : null}
      </div>
      {saved ? (
        <Notice tone="success" live>
          {t('employer.openingSaved')}
        </Notice>
      ) : null}
      {isAdding ? (
        <OpeningForm
          employerId={employer.id}
          municipalityCode={employer.municipalityCode}
          onDone={(didSave) => {
            setAdding(false);
            setSaved(didSave);
          }}
        />
      ) : null}
      <QueryState query={openings}>
        {(data) => (
          <DataTable
            caption={t('employer.openingsCaption', { name: employer.name })}
            captionHidden
            columns={columns}
            rows={data.items}
            rowKey={(o) => o.id}
            emptyText={t('employer.noOpenings')}
          />
        )}
      </QueryState>
    </section>
  );
}
