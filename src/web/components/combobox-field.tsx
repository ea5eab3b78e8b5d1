import {
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type BaseFieldProps, RequiredMarker } from './field-parts.tsx';

export type ComboBoxOption = { value: string; label: string; depth?: number };

type ComboBoxFieldProps = BaseFieldProps & {
  value: string;
  onChange: (value: string) => void;
  options: readonly ComboBoxOption[];
};

/** A searchable list for long code lists (municipalities, education levels). */
export function ComboBoxField({
  id,
  label,
  error,
  description,
  isRequired,
  isDisabled,
  value,
  onChange,
  options,
}: ComboBoxFieldProps) {
  const { t } = useTranslation();
  return (
    <ComboBox
      id={id}
      className="field"
      defaultItems={options}
      value={value === '' ? null : value}
      onChange={(key) => onChange(key === null ? '' : String(key))}
      isInvalid={Boolean(error)}
      isRequired={isRequired}
      isDisabled={isDisabled}
      validationBehavior="aria"
      menuTrigger="focus"
    >
      <div className="field-label-row">
        <Label className="field-label">{label}</Label>
        <RequiredMarker isRequired={isRequired} />
      </div>
      <Text slot="description" className="field-description">
        {description ?? t('common.comboBoxHint')}
      </Text>
      <FieldError className="field-error">{error}</FieldError>
      <div className="combobox-input">
        <Input className="input input-full" />
      </div>
      <Popover className="popover" placement="bottom start">
        <ListBox<ComboBoxOption> className="listbox" renderEmptyState={() => t('common.noMatches')}>
          {(option) => (
            <ListBoxItem
              id={option.value}
              textValue={option.label}
              className={`listbox-item depth-${option.depth ?? 0}`}
            >
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
