import { FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type BaseFieldProps, RequiredMarker } from './field-parts.tsx';

export type TextInputFieldProps = BaseFieldProps & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'password' | 'search';
  autoComplete?: string;
  /** 'auto' for names and free text that may be written right to left. */
  dir?: 'auto';
  inputMode?: 'numeric' | 'text' | 'tel' | 'email';
  width?: 'short' | 'medium' | 'full';
  multiline?: boolean;
};

export function TextInputField({
  id,
  label,
  error,
  description,
  isRequired,
  isDisabled,
  value,
  onChange,
  type = 'text',
  autoComplete,
  dir,
  inputMode,
  width = 'full',
  multiline,
}: TextInputFieldProps) {
  return (
    <TextField
      id={id}
      className="field"
      value={value}
      onChange={onChange}
      type={type}
      autoComplete={autoComplete}
      inputMode={inputMode}
      isInvalid={Boolean(error)}
      isRequired={isRequired}
      isDisabled={isDisabled}
      validationBehavior="aria"
    >
      <div className="field-label-row">
        <Label className="field-label">{label}</Label>
        <RequiredMarker isRequired={isRequired} />
      </div>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field-error">{error}</FieldError>
      {multiline ? (
        <TextArea className="input textarea" dir={dir} rows={4} />
      ) : (
        <Input className={`input input-${width}`} dir={dir} />
      )}
    </TextField>
  );
}

/** A date typed as YYYY-MM-DD, the only date format Stegvis shows or accepts. */
export function DateInputField(props: Omit<TextInputFieldProps, 'type' | 'width' | 'multiline'>) {
  const { t } = useTranslation();
  return (
    <TextInputField
      {...props}
      width="short"
      autoComplete="off"
      description={props.description ?? t('common.dateHint')}
    />
  );
}
