import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';

type SubmitButtonProps = {
  isPending: boolean;
  variant?: 'primary' | 'danger';
  children: ReactNode;
};

// Not react-aria's isPending: that announces through a live region whose label may be gone after navigation,
// which accessibility checkers report. The button keeps focus; the form ignores a second submit while pending.
export function SubmitButton({ isPending, variant = 'primary', children }: SubmitButtonProps) {
  return (
    <Button type="submit" className={`button button-${variant}`} data-pending={isPending || undefined}>
      {isPending ? <span className="spinner spinner-small" aria-hidden="true" /> : null}
      {children}
    </Button>
  );
}
