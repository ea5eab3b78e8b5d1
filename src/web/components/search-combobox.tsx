import { useEffect, useState } from 'react';
import { ComboBox, FieldError, Label, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ComboBoxInput, type ComboBoxOption, SuggestionList } from './combobox-field.tsx';
import { type BaseFieldProps, RequiredMarker } from './field-parts.tsx';

/** What a search hook answers for a term: the items found and whether an answer is still coming. */
export type SearchResult<T> = { items: readonly T[]; isFetching: boolean; isPending: boolean };

type SearchComboBoxProps<T> = BaseFieldProps & {
  value: T | null;
  onChange: (value: T | null) => void;
  keyOf: (item: T) => string;
  labelOf: (item: T) => string;
  /** A query hook, the same on every render; asked with '' while there is nothing to search for. */
  useSearch: (term: string) => SearchResult<T>;
};

const minimumLength = 2;

/**
 * A choice from a list too long to send, searched on the server as the user types, once the typing pauses.
 * Leaving the field without choosing puts the chosen item back; emptying it removes the choice.
 */
export function SearchComboBox<T>({
  id,
  label,
  error,
  description,
  isRequired,
  isDisabled,
  value,
  onChange,
  keyOf,
  labelOf,
  useSearch,
}: SearchComboBoxProps<T>) {
  const { t } = useTranslation();
  const [inputValue, setInputValue] = useState(value ? labelOf(value) : '');
  // A choice set by the form (the saved one, taken after a version conflict) shows its own text.
  const [shown, setShown] = useState(value);
  const valueKey = value ? keyOf(value) : null;
  if (valueKey !== (shown ? keyOf(shown) : null)) {
    setShown(value);
    setInputValue(value ? labelOf(value) : '');
  }
  const [term, setTerm] = useState('');
  const typed = inputValue.trim();
  const showsChoice = value !== null && inputValue === labelOf(value);

  useEffect(() => {
    const next = showsChoice || typed.length < minimumLength ? '' : typed;
    const timer = setTimeout(() => setTerm(next), next === '' ? 0 : 250);
    return () => clearTimeout(timer);
  }, [typed, showsChoice]);

  const search = useSearch(term);
  const found = term === '' ? [] : search.items;
  const options: ComboBoxOption[] =
    term === ''
      ? value
        ? [{ value: keyOf(value), label: labelOf(value) }]
        : []
      : found.map((item) => ({ value: keyOf(item), label: labelOf(item) }));

  const waiting =
    !showsChoice &&
    typed.length >= minimumLength &&
    (term !== typed || search.isFetching || search.isPending);
  const emptyText = waiting
    ? t('common.searching')
    : typed.length < minimumLength
      ? t('common.typeToSearch')
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
      selectedKey={valueKey}
      onSelectionChange={(key) => {
        // Also called on leaving the field, with the current choice, to put its text back.
        const chosen = key === null ? null : (found.find((item) => keyOf(item) === key) ?? value);
        if (chosen && keyOf(chosen) === key) {
          onChange(chosen);
          setInputValue(labelOf(chosen));
        } else {
          setInputValue(value ? labelOf(value) : '');
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
