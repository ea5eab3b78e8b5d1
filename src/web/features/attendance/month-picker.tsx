import { useId } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.ts';
import { isMonth, monthName, shiftMonth } from './attendance-format.ts';

/** A month as YYYY-MM: typed or chosen in the browser's month control, or stepped one month at a time. */
export function MonthPicker({ month, onChange }: { month: string; onChange: (month: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  return (
    <div className="month-picker">
      <div className="field">
        <div className="field-label-row">
          <label className="field-label" htmlFor={id}>
            {t('field.month')}
          </label>
        </div>
        <div id={`${id}-hint`} className="field-description">
          {t('attendance.monthHint')}
        </div>
        <input
          id={id}
          type="month"
          className="input input-short"
          value={month}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            if (isMonth(event.target.value)) onChange(event.target.value);
          }}
        />
      </div>
      <div className="month-picker-nav">
        <Button className="button button-secondary" onPress={() => onChange(shiftMonth(month, -1))}>
          {t('attendance.previousMonth')}
        </Button>
        <Button className="button button-secondary" onPress={() => onChange(shiftMonth(month, 1))}>
          {t('attendance.nextMonth')}
        </Button>
      </div>
      <p className="month-picker-name" aria-live="polite">
        {monthName(month, locale)}
      </p>
    </div>
  );
}
