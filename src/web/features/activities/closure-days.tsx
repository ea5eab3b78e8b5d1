import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  type ClosureDays as ClosureDayList,
  closureDaysInput,
} from '../../../core/schemas/activity.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { type FormFailure, fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { Notice } from '../../components/notice.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { rowKey } from '../programmes/programme-form-values.ts';
import { useClosureDays, useSaveClosureDays } from './activities.queries.ts';

type Day = ClosureDayList['items'][number];
type DayValues = { key: string; day: string; reason: string };

/** Days the programme does not run besides public holidays; the list is saved as a whole. */
export function ClosureDays({ programmeId, mayEdit }: { programmeId: string; mayEdit: boolean }) {
  const { t } = useTranslation();
  const days = useClosureDays(programmeId);
  const [isEditing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const columns: Column<Day>[] = [
    { key: 'day', header: t('field.day'), isRowHeader: true, cell: (d) => d.day },
    { key: 'reason', header: t('field.reason'), cell: (d) => d.reason },
  ];
  return (
    <section aria-labelledby="programme-closure-days-heading" className="stack">
      <div className="section-header">
        <h2 id="programme-closure-days-heading">{t('closureDays.heading')}</h2>
        {mayEdit && !isEditing ? (
          <Button
            className="button button-secondary"
            onPress={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('closureDays.edit')}
          </Button>
        ) : null}
      </div>
      <p className="muted">{t('closureDays.lead')}</p>
      {saved ? (
        <Notice tone="success" live>
          {t('closureDays.savedNotice')}
        </Notice>
      ) : null}
      <QueryState query={days}>
        {(data) =>
          isEditing ? (
            <ClosureDaysForm
              programmeId={programmeId}
              days={data.items}
              onDone={(didSave) => {
                setEditing(false);
                setSaved(didSave);
              }}
            />
          ) : (
            <DataTable
              caption={t('closureDays.heading')}
              captionHidden
              columns={columns}
              rows={[...data.items].sort((a, b) => a.day.localeCompare(b.day))}
              rowKey={(d) => d.day}
              emptyText={t('closureDays.empty')}
            />
          )
        }
      </QueryState>
    </section>
  );
}

function ClosureDaysForm({
  programmeId,
  days,
  onDone,
}: {
  programmeId: string;
  days: readonly Day[];
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveClosureDays(programmeId);
  const form = useFormFailure(locale);
  const formId = 'closure-days';
  const idFor = (path: string) => fieldDomId(formId, path);
  // Controls are named by the row's key, not its place, so ids stay with their row after a removal.
  const rowId = (key: string, control: 'day' | 'reason') => idFor(`${key}.${control}`);
  const [rows, setRows] = useState<DayValues[]>(() =>
    [...days].sort((a, b) => a.day.localeCompare(b.day)).map((d) => ({ key: rowKey(), ...d })),
  );
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  // "Datum måste fyllas i" alone could be any row, so the summary names the row.
  const summaryFailure = useMemo<FormFailure | null>(() => {
    if (!form.failure) return null;
    return {
      ...form.failure,
      fields: form.failure.fields.map((f) => {
        const [, index] = f.field.split('.');
        if (index === undefined || !/^\d+$/.test(index)) return f;
        return { ...f, message: `${t('closureDays.rowLabel', { number: Number(index) + 1 })}: ${f.message}` };
      }),
    };
  }, [form.failure, t]);
  const fieldError = (index: number, leaf: string) =>
    form.failure?.fields.find((f) => f.field === `days.${index}.${leaf}`)?.message;
  const fieldId = (field: string) => {
    const [top, index, leaf] = field.split('.');
    if (top !== 'days') return undefined;
    const key = index !== undefined ? rows[Number(index)]?.key : undefined;
    return key === undefined ? idFor('add') : rowId(key, leaf === 'reason' ? 'reason' : 'day');
  };
  const setRow = (index: number, patch: Partial<DayValues>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const input = { days: rows.map(({ day, reason }) => ({ day: day.trim(), reason })) };
    const parsed = closureDaysInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    save.mutate(input, { onSuccess: () => onDone(true), onError: form.fromError });
  }

  return (
    <div className="stack">
      <h3 id={`${formId}-heading`} ref={heading} tabIndex={-1}>
        {t('closureDays.editHeading')}
      </h3>
      <Notice tone="warning">{t('closureDays.cancelWarning')}</Notice>
      <ErrorSummary failure={summaryFailure} fieldId={fieldId} />
      <form className="form" onSubmit={submit} noValidate aria-labelledby={`${formId}-heading`}>
        {rows.length === 0 ? <p className="muted">{t('closureDays.empty')}</p> : null}
        <ol className="plain-list stack">
          {rows.map((row, index) => {
            const label = t('closureDays.rowLabel', { number: index + 1 });
            return (
              <li key={row.key}>
                <fieldset className="panel">
                  <legend className="field-label">{label}</legend>
                  <div className="field-row">
                    <DateInputField
                      id={rowId(row.key, 'day')}
                      label={t('field.day')}
                      error={fieldError(index, 'day')}
                      value={row.day}
                      onChange={(day) => setRow(index, { day })}
                      isRequired
                    />
                    <TextInputField
                      id={rowId(row.key, 'reason')}
                      label={t('field.reason')}
                      error={fieldError(index, 'reason')}
                      value={row.reason}
                      onChange={(reason) => setRow(index, { reason })}
                      autoComplete="off"
                      isRequired
                    />
                  </div>
                  <Button
                    className="button button-secondary button-small"
                    onPress={() => {
                      setRows((current) => current.filter((_, i) => i !== index));
                      setFocusTarget(idFor('add'));
                    }}
                  >
                    {t('programmeForm.removeRow')}
                    <span className="visually-hidden"> {label}</span>
                  </Button>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <Button
          id={idFor('add')}
          className="button button-secondary"
          onPress={() => {
            const row = { key: rowKey(), day: '', reason: '' };
            setRows((current) => [...current, row]);
            setFocusTarget(rowId(row.key, 'day'));
          }}
        >
          {t('closureDays.addDay')}
        </Button>
        <div className="form-actions">
          <SubmitButton isPending={save.isPending}>{t('closureDays.save')}</SubmitButton>
          <Button className="button button-secondary" onPress={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}
