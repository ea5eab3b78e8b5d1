import { type FormEvent, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '../../../core/enums.ts';
import { organisationKinds } from '../../../core/enums.ts';
import { can } from '../../../core/permissions.ts';
import {
  type CentreDetail,
  centreInput,
  type OrganisationDetail,
  organisationInput,
  organisationUpdate,
} from '../../../core/schemas/programme.schema.ts';
import { useMunicipalities } from '../../api/reference.queries.ts';
import { RadioGroupField } from '../../components/checkbox-fields.tsx';
import { ComboBoxField, type ComboBoxOption } from '../../components/combobox-field.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useCollator, useLocale } from '../../i18n/index.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import {
  useCreateCentre,
  useCreateOrganisation,
  useOrganisations,
  useRenameCentre,
  useRenameOrganisation,
} from '../programmes/programmes.queries.ts';

type Renaming = { kind: 'organisation'; item: OrganisationDetail } | { kind: 'centre'; item: CentreDetail };

export function OrganisationAdminPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isAdmin = can(user.role, 'organisation.manage');
  const organisations = useOrganisations();
  const [notice, setNotice] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<Renaming | null>(null);

  if (!isAdmin) {
    return (
      <>
        <PageHeader title={t('organisations.title')} />
        <Notice tone="warning">{t('common.noPermission')}</Notice>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('organisations.title')} lead={t('organisations.lead')} />
      {notice ? (
        <Notice tone="success" live>
          {notice}
        </Notice>
      ) : null}
      <QueryState query={organisations}>
        {(data) => {
          const own = data.items.find((o) => o.id === user.organisationId);
          return (
            <div className="stack">
              <section>
                <h2 id="organisations-heading">{t('organisations.listHeading')}</h2>
                <OrganisationTable
                  organisations={data.items}
                  ownId={user.organisationId}
                  onRename={(item) => setRenaming({ kind: 'organisation', item })}
                />
              </section>
              {own ? (
                <section>
                  <h2 id="own-centres-heading">
                    {t('organisations.centresHeading')}: {own.name}
                  </h2>
                  <CentreTable
                    organisation={own}
                    onRename={(item) => setRenaming({ kind: 'centre', item })}
                  />
                </section>
              ) : null}
              {own ? (
                <CreateCentreForm
                  organisation={own}
                  onCreated={(name) => setNotice(t('organisations.centreCreated', { name }))}
                />
              ) : null}
              <CreateOrganisationForm onCreated={(name) => setNotice(t('organisations.created', { name }))} />
            </div>
          );
        }}
      </QueryState>
      {renaming ? (
        <RenameDialog
          renaming={renaming}
          onClose={() => setRenaming(null)}
          onRenamed={(name) => {
            setRenaming(null);
            setNotice(t('organisations.renamed', { name }));
          }}
        />
      ) : null}
    </>
  );
}

function OrganisationTable({
  organisations,
  ownId,
  onRename,
}: {
  organisations: OrganisationDetail[];
  ownId: string;
  onRename: (organisation: OrganisationDetail) => void;
}) {
  const { t } = useTranslation();
  const columns: Column<OrganisationDetail>[] = [
    {
      key: 'name',
      header: t('field.name'),
      isRowHeader: true,
      cell: (o) => (
        <>
          {o.name}
          {o.id === ownId ? <span className="cell-note">{t('organisations.yours')}</span> : null}
        </>
      ),
    },
    { key: 'kind', header: t('field.kind'), cell: (o) => t(`organisationKind.${o.kind}`) },
    {
      key: 'municipality',
      header: t('field.municipality'),
      cell: (o) => o.municipalityName ?? t('organisations.noMunicipality'),
    },
    {
      key: 'centres',
      header: t('organisations.centresHeading'),
      cell: (o) =>
        o.centres.length > 0 ? o.centres.map((c) => c.name).join(', ') : t('organisations.noCentres'),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (o) => (
        <Button className="button button-secondary button-small" onPress={() => onRename(o)}>
          {t('organisations.rename')}
          <span className="visually-hidden"> {o.name}</span>
        </Button>
      ),
    },
  ];
  return (
    <DataTable
      caption={t('organisations.listHeading')}
      captionHidden
      columns={columns}
      rows={organisations}
      rowKey={(o) => o.id}
      emptyText={t('common.notGiven')}
    />
  );
}

function CentreTable({
  organisation,
  onRename,
}: {
  organisation: OrganisationDetail;
  onRename: (centre: CentreDetail) => void;
}) {
  const { t } = useTranslation();
  const columns: Column<CentreDetail>[] = [
    { key: 'name', header: t('field.name'), isRowHeader: true, cell: (c) => c.name },
    { key: 'municipality', header: t('field.municipality'), cell: (c) => c.municipalityName },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (c) => (
        <Button className="button button-secondary button-small" onPress={() => onRename(c)}>
          {t('organisations.rename')}
          <span className="visually-hidden"> {c.name}</span>
        </Button>
      ),
    },
  ];
  return (
    <DataTable
      caption={`${t('organisations.centresHeading')}: ${organisation.name}`}
      captionHidden
      columns={columns}
      rows={organisation.centres}
      rowKey={(c) => c.id}
      emptyText={t('organisations.noCentres')}
    />
  );
}

function useMunicipalityOptions(): ComboBoxOption[] {
  const { data } = useMunicipalities();
  const collator = useCollator();
  return useMemo(
    () =>
      (data?.items ?? [])
        .map((item) => ({ value: item.code, label: item.name }))
        .sort((a, b) => collator.compare(a.label, b.label)),
    [data, collator],
  );
}

const organisationFormId = 'organisation';
const emptyOrganisation = { kind: '', name: '', municipality: '' };

function CreateOrganisationForm({ onCreated }: { onCreated: (name: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useCreateOrganisation();
  const form = useFormFailure(locale);
  const municipalities = useMunicipalityOptions();
  const [values, setValues] = useState(emptyOrganisation);
  const idFor = (name: string) => fieldDomId(organisationFormId, name);
  const set = (patch: Partial<typeof emptyOrganisation>) =>
    setValues((current) => ({ ...current, ...patch }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const input = { ...values, kind: (values.kind || undefined) as OrganisationKind };
    const parsed = organisationInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    create.mutate(input, {
      onSuccess: (created) => {
        form.clear();
        setValues(emptyOrganisation);
        onCreated(created.name);
      },
      onError: form.fromError,
    });
  }

  return (
    <section className="panel">
      <h2 id="create-organisation-heading">{t('organisations.createHeading')}</h2>
      <p>{t('organisations.createLead')}</p>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (field in emptyOrganisation ? idFor(field) : undefined)}
      />
      <p className="form-note">{t('common.requiredNote')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <RadioGroupField
          id={idFor('kind')}
          label={t('field.kind')}
          error={form.errorFor('kind')}
          value={values.kind}
          onChange={(kind) => set({ kind })}
          options={organisationKinds.map((kind) => ({ value: kind, label: t(`organisationKind.${kind}`) }))}
          isRequired
        />
        <TextInputField
          id={idFor('name')}
          label={t('field.name')}
          error={form.errorFor('name')}
          value={values.name}
          onChange={(name) => set({ name })}
          autoComplete="off"
          isRequired
        />
        <ComboBoxField
          id={idFor('municipality')}
          label={t('field.municipality')}
          description={t('organisations.municipalityHint')}
          error={form.errorFor('municipality')}
          value={values.municipality}
          onChange={(municipality) => set({ municipality })}
          options={municipalities}
          isRequired={values.kind !== 'employment_service'}
        />
        <div className="form-actions">
          <SubmitButton isPending={create.isPending}>{t('organisations.createSubmit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

const centreFormId = 'centre';
const emptyCentre = { name: '', municipality: '' };

function CreateCentreForm({
  organisation,
  onCreated,
}: {
  organisation: OrganisationDetail;
  onCreated: (name: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useCreateCentre();
  const form = useFormFailure(locale);
  const municipalities = useMunicipalityOptions();
  const initial = { name: '', municipality: organisation.municipalityCode ?? '' };
  const [values, setValues] = useState(initial);
  const idFor = (name: string) => fieldDomId(centreFormId, name);
  const set = (patch: Partial<typeof emptyCentre>) => setValues((current) => ({ ...current, ...patch }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const parsed = centreInput.safeParse(values);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    create.mutate(values, {
      onSuccess: (created) => {
        form.clear();
        setValues(initial);
        onCreated(created.name);
      },
      onError: form.fromError,
    });
  }

  return (
    <section className="panel">
      <h2 id="create-centre-heading">
        {t('organisations.createCentreHeading', { name: organisation.name })}
      </h2>
      <p>{t('organisations.createCentreLead')}</p>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (field in emptyCentre ? idFor(field) : undefined)}
      />
      <p className="form-note">{t('common.requiredNote')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextInputField
          id={idFor('name')}
          label={t('field.name')}
          error={form.errorFor('name')}
          value={values.name}
          onChange={(name) => set({ name })}
          autoComplete="off"
          isRequired
        />
        <ComboBoxField
          id={idFor('municipality')}
          label={t('field.municipality')}
          description={t('organisations.centreMunicipalityHint')}
          error={form.errorFor('municipality')}
          value={values.municipality}
          onChange={(municipality) => set({ municipality })}
          options={municipalities}
          isRequired
        />
        <div className="form-actions">
          <SubmitButton isPending={create.isPending}>{t('organisations.createCentreSubmit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

function RenameDialog({
  renaming,
  onClose,
  onRenamed,
}: {
  renaming: Renaming;
  onClose: () => void;
  onRenamed: (name: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const renameOrganisation = useRenameOrganisation();
  const renameCentre = useRenameCentre();
  const pending = renameOrganisation.isPending || renameCentre.isPending;
  const form = useFormFailure(locale);
  const [name, setName] = useState(renaming.item.name);
  const id = fieldDomId('rename', 'name');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    // Organisations and centres are renamed alike; the schemas are the same.
    const parsed = organisationUpdate.safeParse({ name });
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    const options = {
      onSuccess: (saved: { name: string }) => onRenamed(saved.name),
      onError: form.fromError,
    };
    if (renaming.kind === 'organisation') renameOrganisation.mutate({ id: renaming.item.id, name }, options);
    else renameCentre.mutate({ id: renaming.item.id, name }, options);
  }

  return (
    <ModalDialog
      title={
        renaming.kind === 'organisation'
          ? t('organisations.renameOrganisationHeading', { name: renaming.item.name })
          : t('organisations.renameCentreHeading', { name: renaming.item.name })
      }
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <ErrorSummary failure={form.failure} fieldId={(field) => (field === 'name' ? id : undefined)} />
      <form className="form" onSubmit={submit} noValidate>
        <TextInputField
          id={id}
          label={t('field.name')}
          error={form.errorFor('name')}
          value={name}
          onChange={setName}
          autoComplete="off"
          isRequired
        />
        <div className="form-actions">
          <SubmitButton isPending={pending}>{t('organisations.renameSubmit')}</SubmitButton>
          <Button className="button button-secondary" onPress={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
