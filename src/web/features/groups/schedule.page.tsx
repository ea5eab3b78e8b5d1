import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { todayInSweden } from '../../../core/dates.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useCollator } from '../../i18n/index.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { useGroups, type WeekScope } from './groups.queries.ts';
import { weekOrDefault } from './week.ts';
import { WeekView } from './week-view.tsx';

// The address says what is shown, in Swedish: ?visa=grupp&grupp=…&vecka=2026-W48.
const scopeParam = { centre: 'centrum', group: 'grupp', leader: 'ledare' } as const;
type ScopeKind = keyof typeof scopeParam;
const scopeKinds = Object.keys(scopeParam) as ScopeKind[];

/** The week's sessions of a centre, a group, or the signed-in leader. */
export function SchedulePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const collator = useCollator();
  const [searchParams, setSearchParams] = useSearchParams();
  const week = weekOrDefault(searchParams.get('vecka'), todayInSweden());
  const requested = scopeKinds.find((k) => scopeParam[k] === searchParams.get('visa'));
  const kind: ScopeKind = requested ?? (searchParams.get('grupp') ? 'group' : 'centre');
  const centreParam = searchParams.get('centrum') ?? '';
  const centreId = user.centres.some((c) => c.id === centreParam) ? centreParam : (user.centres[0]?.id ?? '');
  const groupId = searchParams.get('grupp') ?? '';
  const groups = useGroups({ activeOn: todayInSweden() });
  const groupOptions = (groups.data?.items ?? [])
    .map((g) => ({ value: g.id, label: `${g.name} (${g.centreName})` }))
    .sort((a, b) => collator.compare(a.label, b.label));
  // A group from a link may have ended: it stays a choice.
  if (groupId && !groupOptions.some((o) => o.value === groupId)) {
    groupOptions.unshift({ value: groupId, label: t('schedule.chosenGroup') });
  }

  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearchParams(next, { replace: true });
  };

  const scope: WeekScope | null =
    kind === 'centre'
      ? centreId
        ? { kind: 'centre', id: centreId }
        : null
      : kind === 'group'
        ? groupId
          ? { kind: 'group', id: groupId }
          : null
        : { kind: 'leader', id: user.id };

  return (
    <div className="stack">
      <PageHeader title={t('schedule.title')} lead={t('schedule.lead')} />
      <div className="filters filter-row">
        <SelectField
          id="schedule-scope"
          label={t('field.scope')}
          value={kind}
          onChange={(value) => update({ visa: scopeParam[value as ScopeKind] })}
          options={scopeKinds.map((k) => ({ value: k, label: t(`schedule.scope.${k}`) }))}
        />
        {kind === 'centre' && user.centres.length > 1 ? (
          <SelectField
            id="schedule-centre"
            label={t('field.centreId')}
            value={centreId}
            onChange={(value) => update({ centrum: value })}
            options={user.centres.map((c) => ({ value: c.id, label: c.name }))}
          />
        ) : null}
        {kind === 'group' ? (
          <SelectField
            id="schedule-group"
            label={t('field.groupId')}
            value={groupId}
            onChange={(value) => update({ grupp: value })}
            placeholder={t('common.choose')}
            options={groupOptions}
          />
        ) : null}
      </div>
      {scope ? (
        <WeekView scope={scope} week={week} onWeekChange={(next) => update({ vecka: next })} />
      ) : (
        <p className="empty">{kind === 'group' ? t('schedule.chooseGroup') : t('schedule.noCentres')}</p>
      )}
    </div>
  );
}
