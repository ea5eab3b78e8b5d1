import type { ReactNode } from 'react';

export type BaseFieldProps = {
  /** Set on the control itself, so the error summary can move focus to it. */
  id: string;
  label: string;
  error?: string | undefined;
  description?: ReactNode;
  isRequired?: boolean;
  isDisabled?: boolean;
};

export type Option = { value: string; label: string };
/** Options under a heading, as an <optgroup> in a native select. */
export type OptionGroup = { label: string; options: readonly Option[] };

/** A visual star after the label; the control itself carries aria-required. */
export function RequiredMarker({ isRequired }: { isRequired?: boolean | undefined }) {
  if (!isRequired) return null;
  return (
    <span className="required-marker" aria-hidden="true">
      *
    </span>
  );
}
