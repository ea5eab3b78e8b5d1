import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type Programme, programmeUpdate } from '../../../core/schemas/programme.schema.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { QueryState } from '../../components/query-state.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { useLocale } from '../../i18n/index.ts';
import { ProgrammeDetails } from './programme-details.tsx';
import { ProgrammeFields, programmeFieldPath, useSummaryFailure } from './programme-fields.tsx';
import { type ProgrammeFormValues, programmeValues, toProgrammeUpdate } from './programme-form-values.ts';
import { programmeKeys, useOrganisations, useUpdateProgramme } from './programmes.queries.ts';

const formId = 'programme-edit';

/** Edits a programme against the version it was read at; a conflict keeps what was typed. */
export function ProgrammeEditForm({
  programme,
  onDone,
}: {
  programme: Programme;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const organisations = useOrganisations();
  const update = useUpdateProgramme(programme.id);
  const form = useFormFailure(locale);
  const summaryFailure = useSummaryFailure(form.failure);
  const [values, setValues] = useState<ProgrammeFormValues>(() => programmeValues(programme));
  const [version, setVersion] = useState(programme.version);
  const [conflict, setConflict] = useState<Programme | null>(null);
  const idFor = (path: string) => fieldDomId(formId, path);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const input = toProgrammeUpdate(values, version);
    const parsed = programmeUpdate.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    update.mutate(input, {
      onSuccess: () => onDone(true),
      onError: (error) => {
        if (isApiError(error) && error.code === 'VERSION_CONFLICT' && error.current) {
          const current = error.current as Programme;
          // Saving again now overwrites the newer version on purpose: the user has seen it.
          setConflict(current);
          setVersion(current.version);
          queryClient.setQueryData(programmeKeys.detail(programme.id), current);
        }
        form.fromError(error);
      },
    });
  }

  const inUse = form.failure?.apiError?.code === 'PROGRAMME_ITEM_IN_USE';
  return (
    <section>
      <h2 id="programme-edit-heading">{t('programme.editHeading')}</h2>
      <ErrorSummary
        failure={summaryFailure}
        fieldId={(field) => {
          const path = programmeFieldPath(field);
          return path ? idFor(path) : undefined;
        }}
      >
        {conflict ? <p>{t('programme.conflictHelp')}</p> : null}
        {inUse ? <p>{t('programme.inUseHelp')}</p> : null}
      </ErrorSummary>
      {conflict ? (
        <section className="conflict">
          <h3 id="programme-conflict-heading">{t('programme.conflictHeading')}</h3>
          <ProgrammeDetails programme={conflict} headingLevel={4} />
        </section>
      ) : null}
      <p className="form-note">{t('common.requiredNote')}</p>
      <QueryState query={organisations}>
        {(data) => (
          <form className="form" onSubmit={submit} noValidate>
            <ProgrammeFields
              values={values}
              onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
              idFor={idFor}
              errors={form.failure?.fields ?? []}
              owner={programme.ownerOrganisation}
              organisations={data.items}
            />
            <div className="form-actions">
              <SubmitButton isPending={update.isPending}>
                {conflict ? t('programme.saveAgain') : t('programme.save')}
              </SubmitButton>
              <Button className="button button-secondary" onPress={() => onDone(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        )}
      </QueryState>
    </section>
  );
}
