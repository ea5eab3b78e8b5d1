import { type Ref, useContext } from 'react';
import {
  ComboBox,
  ComboBoxStateContext,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  PopoverContext,
  Text,
  useSlottedContext,
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
        <ComboBoxInput />
        <SuggestionList emptyText={t('common.noMatches')} />
      </div>
    </ComboBox>
  );
}

// No separate open button (it would share the field's label); a click in the field shows the whole list instead.
export function ComboBoxInput() {
  const state = useContext(ComboBoxStateContext);
  return (
    <Input
      className="input input-full"
      onClick={() => {
        if (state && !state.isOpen) state.open(null, 'manual');
      }}
    />
  );
}

// The list sits in the page under the field rather than in a floating popover: a popover closes, and drops
// what was typed, whenever the page scrolls, even when the scroll only brought the field into view.
export function SuggestionList({ emptyText }: { emptyText: string }) {
  const state = useContext(ComboBoxStateContext);
  // React Aria's ref for its popover: with it, this list counts as part of the combo box (not hidden from
  // assistive technology while open, and clicks in it do not count as leaving the field).
  const popover = useSlottedContext(PopoverContext);
  // Without state this is React Aria's pass that collects the options: render them. In the page, render the
  // list only while open, so a closed list is not in the document at all.
  if (state && !state.isOpen) return null;
  return (
    <div className="combobox-list" ref={popover?.ref as Ref<HTMLDivElement> | undefined}>
      <ListBox<ComboBoxOption> className="listbox" renderEmptyState={() => emptyText}>
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
    </div>
  );
}
