import { useTranslation } from 'react-i18next';
import { labourMarketStatuses } from '../../../core/enums.ts';
import { SelectField } from '../../components/select-field.tsx';

/** The labour-market status at the start, optional: the empty choice is "not given". */
export function LabourMarketStatusField({
  id,
  error,
  value,
  onChange,
}: {
  id: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      id={id}
      label={t('field.labourMarketStatus')}
      description={t('enrolments.labourMarketStatusHint')}
      error={error}
      value={value}
      onChange={onChange}
      options={labourMarketStatuses.map((s) => ({ value: s, label: t(`labourMarketStatus.${s}`) }))}
      placeholder={t('enrolments.labourMarketStatusNotGiven')}
    />
  );
}
