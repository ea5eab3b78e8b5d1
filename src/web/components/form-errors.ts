import { useCallback, useState } from 'react';
import type { Locale } from '../../core/enums.ts';
import { describeIssues, type FieldError } from '../../core/messages.ts';
import { ApiError, isApiError } from '../api/client.ts';

/** Why a form could not be saved: field errors (from the schema or the server) and, from the server, the error. */
export type FormFailure = {
  fields: FieldError[];
  apiError?: ApiError;
};

export type Issue = Parameters<typeof describeIssues>[0][number];

/** Keeps a form's failure and says which message belongs to which field. */
export function useFormFailure(locale: Locale) {
  const [failure, setFailure] = useState<FormFailure | null>(null);

  const fromIssues = useCallback(
    (issues: readonly Issue[]) => setFailure({ fields: describeIssues(issues, locale) }),
    [locale],
  );

  const fromError = useCallback((error: unknown) => {
    if (isApiError(error)) setFailure({ fields: error.fields, apiError: error });
    else setFailure({ fields: [], apiError: new ApiError(0, 'INTERNAL', String(error)) });
  }, []);

  const errorFor = useCallback(
    (field: string): string | undefined =>
      // An issue inside a list (purposes.0) belongs to the list's field.
      failure?.fields.find((f) => f.field === field || f.field.startsWith(`${field}.`))?.message,
    [failure],
  );

  const describe = useCallback((issues: readonly Issue[]) => describeIssues(issues, locale), [locale]);

  return { failure, setFailure, fromIssues, fromError, errorFor, describe, clear: () => setFailure(null) };
}

/** A schema-style issue made by a form itself, described by the same core function as the schema's. */
export function customIssue(path: string, code: string): Issue {
  return { code: 'custom', path: path.split('.'), message: code };
}

/** The id of a field's control, from its dotted path. */
export function fieldDomId(formId: string, path: string): string {
  return `${formId}-${path.replaceAll('.', '-')}`;
}

/** Moves focus to a field: the control itself, or the first control inside a group. */
export function focusField(domId: string): boolean {
  const element = document.getElementById(domId);
  if (!element) return false;
  const target = element.matches('input, select, textarea, button')
    ? element
    : element.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea, button');
  if (!target) return false;
  target.focus();
  target.scrollIntoView({ block: 'center' });
  return true;
}
