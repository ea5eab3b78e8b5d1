import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../../core/schemas/programme.schema.ts';
import {
  type Checklist,
  type ChecklistInput,
  checklistInput,
  maxChecklistItems,
} from '../../../core/schemas/step.schema.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { type FormFailure, fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { moveRow, rowKey } from './programme-form-values.ts';
import { useSaveChecklist } from './programmes.queries.ts';

type ItemValues = { key: string; id?: string | undefined; label: string };

/** Replaces a step's checklist: reorder, add, rename and remove items, then save the list as a whole. */
export function ChecklistEditForm({
  programmeId,
  step,
  checklist,
  headingLevel,
  onDone,
}: {
  programmeId: string;
  step: Programme['steps'][number];
  checklist: Checklist;
  headingLevel: 3 | 4 | 5;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveChecklist(programmeId, step.id);
  const form = useFormFailure(locale);
  const formId = `checklist-${step.id}`;
  const idFor = (path: string) => fieldDomId(formId, path);
  // A row's controls are named by the row's key, not its place: React Aria keeps the id a control was first
  // given, so an id by place would point at another row once rows move.
  const rowId = (key: string, control: 'label' | 'up' | 'down') => idFor(`items.${key}.${control}`);
  const Heading = (['h3', 'h4', 'h5'] as const)[headingLevel - 3] ?? 'h4';
  const [items, setItems] = useState<ItemValues[]>(() =>
    checklist.items.map((i) => ({ key: i.id, id: i.id, label: i.label })),
  );

  // The button that opened the form is gone: focus goes to the form's heading, so it is announced.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  // After adding, removing or moving a row, focus goes where the user can carry on.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  // "Punkt i checklistan måste fyllas i" alone could be any row, so the summary names the row.
  const summaryFailure = useMemo<FormFailure | null>(() => {
    if (!form.failure) return null;
    return {
      ...form.failure,
      fields: form.failure.fields.map((f) => {
        const [, index] = f.field.split('.');
        if (index === undefined || !/^\d+$/.test(index)) return f;
        return {
          ...f,
          message: `${t('stepChecklist.itemLabel', { number: Number(index) + 1 })}: ${f.message}`,
        };
      }),
    };
  }, [form.failure, t]);
  const fields = form.failure?.fields ?? [];
  const rowError = (index: number) =>
    fields.find((f) => f.field === `items.${index}` || f.field.startsWith(`items.${index}.`))?.message;
  const listError = fields.find((f) => f.field === 'items')?.message;

  const setLabel = (index: number, label: string) =>
    setItems((current) => current.map((item, i) => (i === index ? { ...item, label } : item)));
  const move = (index: number, offset: -1 | 1) => {
    const target = index + offset;
    const key = items[index]?.key;
    if (key === undefined) return;
    setItems((current) => moveRow(current, index, offset));
    // Focus follows the item; at the top or bottom the other button takes it, as that one is then disabled.
    const atEnd = offset < 0 ? target === 0 : target === items.length - 1;
    const sameWay = offset < 0 ? 'up' : 'down';
    const otherWay = offset < 0 ? 'down' : 'up';
    setFocusTarget(rowId(key, atEnd ? otherWay : sameWay));
  };
  /** The control an error belongs to: the row's field (errors name rows by place), or the list. */
  const fieldId = (field: string) => {
    const [top, index] = field.split('.');
    if (top !== 'items') return undefined;
    const key = index !== undefined && /^\d+$/.test(index) ? items[Number(index)]?.key : undefined;
    return key === undefined ? idFor('items') : rowId(key, 'label');
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const input: ChecklistInput = {
      items: items.map((item) => ({ ...(item.id ? { id: item.id } : {}), label: item.label })),
    };
    const parsed = checklistInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    save.mutate(input, { onSuccess: () => onDone(true), onError: form.fromError });
  }

  const inUse = form.failure?.apiError?.code === 'PROGRAMME_ITEM_IN_USE';
  const headingId = `${formId}-heading`;
  return (
    <section className="stack" aria-labelledby={headingId}>
      <Heading id={headingId} ref={heading} tabIndex={-1}>
        {t('stepChecklist.editHeading', { ordinal: step.ordinal, name: step.name })}
      </Heading>
      <ErrorSummary failure={summaryFailure} fieldId={fieldId}>
        {inUse ? <p>{t('stepChecklist.inUseHelp')}</p> : null}
      </ErrorSummary>
      <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
        <fieldset
          id={idFor('items')}
          className="form-section"
          aria-describedby={[`${formId}-hint`, listError ? `${formId}-error` : ''].filter(Boolean).join(' ')}
          data-invalid={listError ? true : undefined}
        >
          <legend className="form-section-title">{t('field.items')}</legend>
          <p id={`${formId}-hint`} className="field-description">
            {t('stepChecklist.itemsHint', { max: maxChecklistItems })}
          </p>
          {listError ? (
            <p id={`${formId}-error`} className="field-error">
              {listError}
            </p>
          ) : null}
          {items.length === 0 ? <p className="muted">{t('stepChecklist.noItemsYet')}</p> : null}
          <ol className="plain-list stack checklist-edit-rows">
            {items.map((item, index) => {
              const label = t('stepChecklist.itemLabel', { number: index + 1 });
              const hidden = <span className="visually-hidden"> {label}</span>;
              return (
                <li key={item.key} className="checklist-edit-row">
                  <TextInputField
                    id={rowId(item.key, 'label')}
                    label={label}
                    error={rowError(index)}
                    value={item.label}
                    onChange={(value) => setLabel(index, value)}
                    autoComplete="off"
                    isRequired
                  />
                  <div className="row-actions">
                    <Button
                      id={rowId(item.key, 'up')}
                      className="button button-secondary button-small"
                      isDisabled={index === 0}
                      onPress={() => move(index, -1)}
                    >
                      {t('programmeForm.moveUp')}
                      {hidden}
                    </Button>
                    <Button
                      id={rowId(item.key, 'down')}
                      className="button button-secondary button-small"
                      isDisabled={index === items.length - 1}
                      onPress={() => move(index, 1)}
                    >
                      {t('programmeForm.moveDown')}
                      {hidden}
                    </Button>
                    <Button
                      className="button button-secondary button-small"
                      onPress={() => {
                        setItems((current) => current.filter((_, i) => i !== index));
                        setFocusTarget(idFor('add'));
                      }}
                    >
                      {t('programmeForm.removeRow')}
                      {hidden}
                    </Button>
                  </div>
                </li>
              );
            })}
          </ol>
          {items.length < maxChecklistItems ? (
            <Button
              id={idFor('add')}
              className="button button-secondary"
              onPress={() => {
                const row = { key: rowKey(), label: '' };
                setItems((current) => [...current, row]);
                setFocusTarget(rowId(row.key, 'label'));
              }}
            >
              {t('stepChecklist.addItem')}
            </Button>
          ) : null}
        </fieldset>
        <div className="form-actions">
          <SubmitButton isPending={save.isPending}>{t('stepChecklist.save')}</SubmitButton>
          <Button className="button button-secondary" onPress={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
