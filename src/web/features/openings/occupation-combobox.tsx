import { useEffect, useState } from 'react';
import { ComboBox, FieldError, Label, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ComboBoxInput, type ComboBoxOption, SuggestionList } from '../../components/combobox-field.tsx';
import { type BaseFieldProps, RequiredMarker } from '../../components/field-parts.tsx';
import type { OccupationChoice } from './opening-form-values.ts';
import { useOccupationSearch } from './openings.queries.ts';

type OccupationComboBoxProps = BaseFieldProps & {
  value: OccupationChoice | null;
  onChange: (value: OccupationChoice | null) => void;
};

const minimumLength = 2;
const optionLabel = (o: OccupationChoice) => `${o.name} (${o.code})`;

/**
 * An SSYK unit group, searched on the server by code, name or occupation name as the user types. Leaving the
 * field without choosing puts the chosen occupation back; emptying it removes the choice.
 */
export function OccupationComboBox({
  id,
  label,
  error,
  description,
  isRequired,
  isDisabled,
  value,
  onChange,
}: OccupationComboBoxProps) {
  const { t } = useTranslation();
  const [inputValue, setInputValue] = useState(value ? optionLabel(value) : '');
  // A choice set by the form (the saved one, taken after a version conflict) shows its own text.
  const [shown, setShown] = useState(value);
  if ((value?.code ?? null) !== (shown?.code ?? null)) {
    setShown(value);
    setInputValue(value ? optionLabel(value) : '');
  }
  const [term, setTerm] = useState('');
  const typed = inputValue.trim();
  const showsChoice = value !== null && inputValue === optionLabel(value);

  // Ask the server once the typing pauses, not for every key.
  useEffect(() => {
    const next = showsChoice || typed.length < minimumLength ? '' : typed;
    const timer = setTimeout(() => setTerm(next), next === '' ? 0 : 250);
    return () => clearTimeout(timer);
  }, [typed, showsChoice]);

  const search = useOccupationSearch(term);
  const found = term === '' ? [] : (search.data?.items ?? []);
  const options: ComboBoxOption[] =
    term === ''
      ? value
        ? [{ value: value.code, label: optionLabel(value) }]
        : []
      : found.map((o) => ({ value: o.code, label: optionLabel(o) }));

  const waiting =
    !showsChoice &&
    typed.length >= minimumLength &&
    (term !== typed || search.isFetching || search.isPending);
  const emptyText = waiting
    ? t('opening.searching')
    : typed.length < minimumLength
      ? t('opening.typeToSearch')
      : t('common.noMatches');

  return (
    <ComboBox
      id={id}
      className="field"
      items={options}
      inputValue={inputValue}
      onInputChange={(text) => {
        setInputValue(text);
        if (text === '') onChange(null);
      }}
      selectedKey={value?.code ?? null}
      onSelectionChange={(key) => {
        // Also called on leaving the field, with the current choice, to put its text back.
        const chosen = key === null ? null : (found.find((o) => o.code === key) ?? value);
        if (chosen && chosen.code === key) {
          onChange(chosen);
          setInputValue(optionLabel(chosen));
        } else {
          setInputValue(value ? optionLabel(value) : '');
        }
      }}
      allowsEmptyCollection
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
        <SuggestionList emptyText={emptyText} />
      </div>
    </ComboBox>
  );
}
