import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../../core/permissions.ts';
import type { Programme } from '../../../core/schemas/programme.schema.ts';
import { useProgrammes } from '../../api/reference.queries.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useCollator } from '../../i18n/index.ts';
import { useSortedByName } from '../../i18n/options.ts';
import { useCurrentUser } from '../auth/session.queries.ts';

export function ProgrammeListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const programmes = useProgrammes();
  const sorted = useSortedByName(programmes.data?.items);
  const collator = useCollator();

  const columns: Column<Programme>[] = [
    {
      key: 'name',
      header: t('field.name'),
      isRowHeader: true,
      cell: (p) => <Link to={`/program/${p.id}`}>{p.name}</Link>,
    },
    {
      key: 'period',
      header: t('programmes.period'),
      cell: (p) => t('programmes.periodValue', { startsOn: p.startsOn, endsOn: p.endsOn }),
    },
    {
      key: 'centres',
      header: t('field.centreIds'),
      cell: (p) =>
        p.centres
          .map((c) => c.name)
          .sort(collator.compare)
          .join(', '),
    },
    {
      key: 'planned',
      header: t('field.plannedParticipants'),
      cell: (p) => p.plannedParticipants,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('programmes.title')}
        lead={t('programmes.lead')}
        actions={
          can(user.role, 'programme.manage') ? (
            <Link className="button button-primary" to="/program/nytt">
              {t('programmes.newProgramme')}
            </Link>
          ) : null
        }
      />
      <QueryState query={programmes}>
        {() => (
          <DataTable
            caption={t('programmes.tableCaption')}
            captionHidden
            columns={columns}
            rows={sorted}
            rowKey={(p) => p.id}
            emptyText={t('programmes.empty')}
          />
        )}
      </QueryState>
    </>
  );
}
