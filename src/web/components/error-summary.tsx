import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormFailure } from './form-errors.ts';
import { focusField } from './form-errors.ts';

type ErrorSummaryProps = {
  failure: FormFailure | null;
  /** The DOM id of a field's control, or undefined when the form has no such field. */
  fieldId: (field: string) => string | undefined;
  /** More to say below the list, e.g. a link to an existing record. */
  children?: ReactNode;
};

/** Sits at the top of a form that failed; takes focus so the failure is announced, and links to each field. */
export function ErrorSummary({ failure, fieldId, children }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (failure) ref.current?.focus();
  }, [failure]);

  if (!failure) return null;
  const apiError = failure.apiError;
  const title =
    apiError && apiError.code !== 'VALIDATION_FAILED'
      ? apiError.message
      : t('common.errorSummaryTitle', { count: failure.fields.length });
  return (
    // Not labelled by its title: a label such as "Wrong password" would also name the form's fields for tools.
    <div className="error-summary" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="error-summary-title">{title}</h2>
        {failure.fields.length > 0 ? (
          <ul className="error-summary-list">
            {failure.fields.map((field) => {
              const id = fieldId(field.field);
              return (
                <li key={`${field.field}-${field.code}`}>
                  {id ? (
                    <a
                      href={`#${id}`}
                      onClick={(event) => {
                        if (focusField(id)) event.preventDefault();
                      }}
                    >
                      {field.message}
                    </a>
                  ) : (
                    field.message
                  )}
                </li>
              );
            })}
          </ul>
        ) : null}
        {children}
      </div>
    </div>
  );
}
