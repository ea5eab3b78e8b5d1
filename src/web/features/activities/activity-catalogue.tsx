import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../core/schemas/activity.schema.ts';
import type { Programme } from '../../../core/schemas/programme.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Notice } from '../../components/notice.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useCollator } from '../../i18n/index.ts';
import { useActivities } from './activities.queries.ts';
import { ActivityForm } from './activity-form.tsx';

type Editing = { kind: 'new' } | { kind: 'edit'; activity: Activity } | null;

/** The programme's activity catalogue; those who manage the programme add and change activities. */
export function ActivityCatalogue({ programme, mayEdit }: { programme: Programme; mayEdit: boolean }) {
  const { t } = useTranslation();
  const collator = useCollator();
  const activities = useActivities(programme.id);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState(false);
  const groupName = (id: string) => programme.targetGroups.find((g) => g.id === id)?.name ?? '';

  const columns: Column<Activity>[] = [
    { key: 'name', header: t('field.name'), isRowHeader: true, cell: (a) => a.name },
    { key: 'type', header: t('field.type'), cell: (a) => t(`activityType.${a.type}`) },
    { key: 'step', header: t('field.stepId'), cell: (a) => a.stepName ?? t('activities.noStep') },
    { key: 'hours', header: t('field.plannedHours'), cell: (a) => String(a.plannedHours) },
    {
      key: 'language',
      header: t('field.deliveryLanguage'),
      cell: (a) => t(`language.${a.deliveryLanguage}`),
    },
    {
      key: 'interpreter',
      header: t('field.interpreter'),
      cell: (a) => (a.interpreter ? t('common.yes') : t('common.no')),
    },
    {
      key: 'mandatory',
      header: t('activities.mandatoryFor'),
      cell: (a) =>
        a.mandatoryTargetGroupIds.length === 0
          ? t('activities.mandatoryForNone')
          : a.mandatoryTargetGroupIds.map(groupName).sort(collator.compare).join(', '),
    },
    {
      key: 'active',
      header: t('activities.active'),
      cell: (a) => (a.active ? t('common.yes') : t('common.no')),
    },
    ...(mayEdit
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (a: Activity) => (
              <Button
                className="button button-secondary button-small"
                onPress={() => {
                  setSaved(false);
                  setEditing({ kind: 'edit', activity: a });
                }}
              >
                {t('activities.edit')}
                <span className="visually-hidden"> {a.name}</span>
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <section aria-labelledby="programme-activities-heading" className="stack">
      <div className="section-header">
        <h2 id="programme-activities-heading">{t('activities.heading')}</h2>
        {mayEdit && editing === null ? (
          <Button
            className="button button-secondary"
            onPress={() => {
              setSaved(false);
              setEditing({ kind: 'new' });
            }}
          >
            {t('activities.add')}
          </Button>
        ) : null}
      </div>
      {saved ? (
        <Notice tone="success" live>
          {t('activities.savedNotice')}
        </Notice>
      ) : null}
      {editing ? (
        <ActivityForm
          key={editing.kind === 'edit' ? editing.activity.id : 'new'}
          programme={programme}
          activity={editing.kind === 'edit' ? editing.activity : undefined}
          onDone={(didSave) => {
            setEditing(null);
            setSaved(didSave);
          }}
        />
      ) : null}
      <QueryState query={activities}>
        {(data) => (
          <DataTable
            caption={t('activities.caption', { programme: programme.name })}
            captionHidden
            columns={columns}
            rows={[...data.items].sort((a, b) => collator.compare(a.name, b.name))}
            rowKey={(a) => a.id}
            emptyText={t('activities.empty')}
          />
        )}
      </QueryState>
    </section>
  );
}
