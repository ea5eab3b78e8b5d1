import { type ReactNode, useId } from 'react';
import { type BaseFieldProps, type Option, RequiredMarker } from './field-parts.tsx';

// Native inputs, styled with appearance: none: the control users click is the real checkbox, so it works
// the same for mouse, keyboard, screen readers and test tools.

type CheckboxFieldProps = {
  id: string;
  label: string;
  isSelected: boolean;
  onChange: (value: boolean) => void;
  description?: ReactNode;
  isDisabled?: boolean;
};

export function CheckboxField({
  id,
  label,
  isSelected,
  onChange,
  description,
  isDisabled,
}: CheckboxFieldProps) {
  const descriptionId = `${id}-description`;
  return (
    <div className="checkbox-field">
      <label className="checkbox">
        <input
          id={id}
          type="checkbox"
          className="checkbox-input"
          checked={isSelected}
          onChange={(event) => onChange(event.target.checked)}
          disabled={isDisabled}
          aria-describedby={description ? descriptionId : undefined}
        />
        <span>{label}</span>
      </label>
      {description ? (
        <div id={descriptionId} className="field-description checkbox-description">
          {description}
        </div>
      ) : null}
    </div>
  );
}

type GroupProps = BaseFieldProps & {
  value: string;
  options: readonly Option[];
};

/** A fieldset whose legend names the group; description and error are linked to the group. */
function ChoiceGroup({
  id,
  label,
  error,
  description,
  isRequired,
  children,
}: Omit<GroupProps, 'value' | 'options'> & { children: ReactNode }) {
  const baseId = useId();
  const describedBy =
    [description ? `${baseId}-description` : '', error ? `${baseId}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <fieldset
      id={id}
      className="field fieldset"
      aria-describedby={describedBy}
      data-invalid={error ? true : undefined}
    >
      <legend className="field-label-row">
        <span className="field-label">{label}</span>
        <RequiredMarker isRequired={isRequired} />
      </legend>
      {description ? (
        <div id={`${baseId}-description`} className="field-description">
          {description}
        </div>
      ) : null}
      {error ? (
        <div id={`${baseId}-error`} className="field-error">
          {error}
        </div>
      ) : null}
      {children}
    </fieldset>
  );
}

type CheckboxGroupFieldProps = Omit<GroupProps, 'value'> & {
  value: string[];
  onChange: (value: string[]) => void;
};

export function CheckboxGroupField({
  value,
  onChange,
  options,
  isDisabled,
  ...group
}: CheckboxGroupFieldProps) {
  return (
    <ChoiceGroup {...group}>
      {options.map((option) => (
        <div key={option.value} className="checkbox-field">
          <label className="checkbox">
            <input
              type="checkbox"
              className="checkbox-input"
              value={option.value}
              checked={value.includes(option.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value),
                )
              }
              disabled={isDisabled}
              aria-invalid={group.error ? true : undefined}
            />
            <span>{option.label}</span>
          </label>
        </div>
      ))}
    </ChoiceGroup>
  );
}

type RadioGroupFieldProps = GroupProps & { onChange: (value: string) => void };

export function RadioGroupField({ value, onChange, options, isDisabled, ...group }: RadioGroupFieldProps) {
  const name = useId();
  return (
    <ChoiceGroup {...group}>
      {options.map((option) => (
        <div key={option.value} className="checkbox-field">
          <label className="checkbox">
            <input
              type="radio"
              className="radio-input"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              disabled={isDisabled}
              aria-invalid={group.error ? true : undefined}
            />
            <span>{option.label}</span>
          </label>
        </div>
      ))}
    </ChoiceGroup>
  );
}
