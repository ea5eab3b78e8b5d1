import { useId } from 'react';
import { type BaseFieldProps, type Option, type OptionGroup, RequiredMarker } from './field-parts.tsx';

type SelectFieldProps = BaseFieldProps & {
  value: string;
  onChange: (value: string) => void;
  options: readonly (Option | OptionGroup)[];
  /** Text of the empty first option; leave out to have no empty option. */
  placeholder?: string;
};

function renderOption(option: Option) {
  return (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  );
}

// A native select: short closed lists need no popup, and the browser's control works everywhere.
export function SelectField({
  id,
  label,
  error,
  description,
  isRequired,
  isDisabled,
  value,
  onChange,
  options,
  placeholder,
}: SelectFieldProps) {
  const baseId = useId();
  const descriptionId = description ? `${baseId}-description` : undefined;
  const errorId = error ? `${baseId}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field" data-invalid={error ? true : undefined}>
      <div className="field-label-row">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        <RequiredMarker isRequired={isRequired} />
      </div>
      {description ? (
        <div id={descriptionId} className="field-description">
          {description}
        </div>
      ) : null}
      {error ? (
        <div id={errorId} className="field-error">
          {error}
        </div>
      ) : null}
      <select
        id={id}
        className="input select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-required={isRequired ? true : undefined}
        aria-describedby={describedBy}
        disabled={isDisabled}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((item) =>
          'options' in item ? (
            <optgroup key={`group:${item.label}`} label={item.label}>
              {item.options.map(renderOption)}
            </optgroup>
          ) : (
            renderOption(item)
          ),
        )}
      </select>
    </div>
  );
}
