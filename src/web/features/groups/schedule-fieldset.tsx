import { useEffect, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isoWeekdays } from '../../../core/schedule.ts';
import { type FormFailure, fieldDomId } from '../../components/form-errors.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { emptySlot, type SlotValues } from './group-form-values.ts';
import { useWeekdayName } from './weekday-name.ts';

type ScheduleFieldsetProps = {
  formId: string;
  slots: SlotValues[];
  onChange: (slots: SlotValues[]) => void;
  /** The message for a path such as `schedule.0.startTime`, if there is one. */
  fieldError: (path: string) => string | undefined;
  hint: string;
};

/** The ids of a schedule's controls: by the row's key, not its place, so an id stays with its row. */
export function scheduleControlId(formId: string, key: string, control: 'weekday' | 'startTime' | 'endTime') {
  return fieldDomId(formId, `slot.${key}.${control}`);
}

export function addSlotId(formId: string) {
  return fieldDomId(formId, 'addSlot');
}

/** The id of the control an error on `schedule…` belongs to: its row's field, or the add button. */
export function scheduleErrorTarget(formId: string, slots: SlotValues[], path: string): string {
  const [, index, leaf] = path.split('.');
  const key = index === undefined ? undefined : slots[Number(index)]?.key;
  return key ? scheduleControlId(formId, key, (leaf ?? 'weekday') as 'weekday') : addSlotId(formId);
}

/** "Starttid måste fyllas i" alone could be any row, so the error summary names the row. */
export function useScheduleRowsNamed(failure: FormFailure | null): FormFailure | null {
  const { t } = useTranslation();
  return useMemo(() => {
    if (!failure) return null;
    return {
      ...failure,
      fields: failure.fields.map((f) => {
        const [top, index] = f.field.split('.');
        if (top !== 'schedule' || index === undefined || !/^\d+$/.test(index)) return f;
        return { ...f, message: `${t('newGroup.slotLegend', { number: Number(index) + 1 })}: ${f.message}` };
      }),
    };
  }, [failure, t]);
}

/** A weekly schedule: rows of weekday, start and end, added and removed with focus kept in place. */
export function ScheduleFieldset({ formId, slots, onChange, fieldError, hint }: ScheduleFieldsetProps) {
  const { t } = useTranslation();
  const weekdayName = useWeekdayName();
  const weekdayOptions = isoWeekdays.map((d) => ({ value: String(d), label: weekdayName(d) }));
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);
  const setSlot = (index: number, patch: Partial<SlotValues>) =>
    onChange(slots.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const hintId = `${formId}-schedule-hint`;
  const errorId = `${formId}-schedule-error`;
  const scheduleError = fieldError('schedule');

  return (
    <fieldset
      className="form-section"
      aria-describedby={[hintId, scheduleError ? errorId : ''].filter(Boolean).join(' ')}
    >
      <legend className="form-section-title">{t('field.schedule')}</legend>
      <p id={hintId} className="field-description">
        {hint}
      </p>
      {scheduleError ? (
        <p id={errorId} className="field-error">
          {scheduleError}
        </p>
      ) : null}
      <ol className="plain-list stack">
        {slots.map((slot, index) => {
          const legend = t('newGroup.slotLegend', { number: index + 1 });
          return (
            <li key={slot.key}>
              <fieldset className="panel">
                <legend className="field-label">{legend}</legend>
                <div className="field-row">
                  <SelectField
                    id={scheduleControlId(formId, slot.key, 'weekday')}
                    label={t('field.weekday')}
                    error={fieldError(`schedule.${index}.weekday`) ?? fieldError(`schedule.${index}`)}
                    value={slot.weekday}
                    onChange={(weekday) => setSlot(index, { weekday })}
                    placeholder={t('common.choose')}
                    options={weekdayOptions}
                    isRequired
                  />
                  <TextInputField
                    id={scheduleControlId(formId, slot.key, 'startTime')}
                    label={t('field.startTime')}
                    description={t('common.timeHint')}
                    error={fieldError(`schedule.${index}.startTime`)}
                    value={slot.startTime}
                    onChange={(startTime) => setSlot(index, { startTime })}
                    width="short"
                    autoComplete="off"
                    isRequired
                  />
                  <TextInputField
                    id={scheduleControlId(formId, slot.key, 'endTime')}
                    label={t('field.endTime')}
                    description={t('common.timeHint')}
                    error={fieldError(`schedule.${index}.endTime`)}
                    value={slot.endTime}
                    onChange={(endTime) => setSlot(index, { endTime })}
                    width="short"
                    autoComplete="off"
                    isRequired
                  />
                </div>
                {slots.length > 1 ? (
                  <Button
                    className="button button-secondary button-small"
                    onPress={() => {
                      onChange(slots.filter((_, i) => i !== index));
                      setFocusTarget(addSlotId(formId));
                    }}
                  >
                    {t('programmeForm.removeRow')}
                    <span className="visually-hidden"> {legend}</span>
                  </Button>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {slots.length < 14 ? (
        <Button
          id={addSlotId(formId)}
          className="button button-secondary"
          onPress={() => {
            const slot = emptySlot();
            onChange([...slots, slot]);
            setFocusTarget(scheduleControlId(formId, slot.key, 'weekday'));
          }}
        >
          {t('newGroup.addSlot')}
        </Button>
      ) : null}
    </fieldset>
  );
}
