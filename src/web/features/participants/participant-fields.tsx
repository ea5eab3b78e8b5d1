import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEducationLevels, useMunicipalities } from '../../api/reference.queries.ts';
import { CheckboxField } from '../../components/checkbox-fields.tsx';
import type { ComboBoxOption } from '../../components/combobox-field.tsx';
import { Notice } from '../../components/notice.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useCollator } from '../../i18n/index.ts';
import { useLanguageOptions, useLegalGenderOptions } from '../../i18n/options.ts';
import type { ParticipantFormValues } from './participant-form-values.ts';

// The searchable lists are the heaviest part of the form; they load just after the rest of it.
const ComboBoxField = lazy(async () => ({
  default: (await import('../../components/combobox-field.tsx')).ComboBoxField,
}));

/** Holds the field's place (label text, empty box) while it loads; not a label, so tools wait for the real one. */
function LazyField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="field" aria-hidden="true">
          <span className="field-label">{label}</span>
          <div className="input input-placeholder" />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

type ParticipantFieldsProps = {
  values: ParticipantFormValues;
  onChange: (patch: Partial<ParticipantFormValues>) => void;
  /** The DOM id of a field, by its name in participantInput. */
  idFor: (name: string) => string;
  errorFor: (name: string) => string | undefined;
  /** Editing a participant with a reserve identity: the number is replaced elsewhere, not here. */
  isReserveIdentity?: boolean;
  isEditing?: boolean;
};

/** The person part of a referral and of the participant edit form. */
export function ParticipantFields({
  values,
  onChange,
  idFor,
  errorFor,
  isReserveIdentity,
  isEditing,
}: ParticipantFieldsProps) {
  const { t } = useTranslation();
  const languageOptions = useLanguageOptions();
  const genderOptions = useLegalGenderOptions();
  const municipalities = useMunicipalityOptions();
  const educationLevels = useEducationLevelOptions();
  const field = (name: keyof ParticipantFormValues) => ({
    id: idFor(name),
    label: t(`field.${name}` as 'field.firstName'),
    error: errorFor(name),
  });

  return (
    <>
      <fieldset className="form-section">
        <legend className="form-section-title">{t('participantForm.identity')}</legend>
        {isEditing ? null : (
          <CheckboxField
            id={idFor('hasNoIdentityNumber')}
            label={t('participantForm.hasNoIdentityNumber')}
            description={t('participantForm.hasNoIdentityNumberHint')}
            isSelected={values.hasNoIdentityNumber}
            onChange={(hasNoIdentityNumber) => onChange({ hasNoIdentityNumber })}
          />
        )}
        {values.hasNoIdentityNumber || isReserveIdentity ? (
          <>
            <DateInputField
              {...field('birthDate')}
              value={values.birthDate}
              onChange={(birthDate) => onChange({ birthDate })}
              isRequired
            />
            <SelectField
              {...field('legalGender')}
              value={values.legalGender}
              onChange={(legalGender) => onChange({ legalGender })}
              options={genderOptions}
              placeholder={t('common.choose')}
              isRequired
            />
          </>
        ) : isEditing ? (
          // A real number is never edited: a wrong one means another person, not a typo to fix here.
          <p className="read-only-field">
            <span className="field-label">{t('field.personalIdentityNumber')}</span>
            {values.personalIdentityNumber}
          </p>
        ) : (
          <TextInputField
            {...field('personalIdentityNumber')}
            description={t('participantForm.personalIdentityNumberHint')}
            value={values.personalIdentityNumber}
            onChange={(personalIdentityNumber) => onChange({ personalIdentityNumber })}
            width="medium"
            autoComplete="off"
            isRequired
          />
        )}
        <TextInputField
          {...field('firstName')}
          value={values.firstName}
          onChange={(firstName) => onChange({ firstName })}
          description={t('participantForm.nameHint')}
          dir="auto"
          autoComplete="off"
          isRequired
        />
        <TextInputField
          {...field('lastName')}
          value={values.lastName}
          onChange={(lastName) => onChange({ lastName })}
          dir="auto"
          autoComplete="off"
          isRequired
        />
        <CheckboxField
          id={idFor('protectedIdentity')}
          label={t('field.protectedIdentity')}
          description={t('participantForm.protectedIdentityHint')}
          isSelected={values.protectedIdentity}
          onChange={(protectedIdentity) => onChange({ protectedIdentity })}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section-title">{t('participantForm.language')}</legend>
        <SelectField
          {...field('preferredLanguage')}
          value={values.preferredLanguage}
          onChange={(preferredLanguage) => onChange({ preferredLanguage })}
          options={languageOptions}
          placeholder={t('common.notGiven')}
        />
        <CheckboxField
          id={idFor('interpreterNeeded')}
          label={t('field.interpreterNeeded')}
          isSelected={values.interpreterNeeded}
          onChange={(interpreterNeeded) => onChange({ interpreterNeeded })}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section-title">{t('participantForm.contact')}</legend>
        <TextInputField
          {...field('phone')}
          type="tel"
          width="medium"
          autoComplete="off"
          value={values.phone}
          onChange={(phone) => onChange({ phone })}
        />
        <TextInputField
          {...field('email')}
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(email) => onChange({ email })}
        />
        {values.protectedIdentity ? (
          <Notice tone="warning">{t('participantForm.protectedNoAddress')}</Notice>
        ) : (
          <>
            <TextInputField
              {...field('streetAddress')}
              autoComplete="off"
              dir="auto"
              value={values.streetAddress}
              onChange={(streetAddress) => onChange({ streetAddress })}
            />
            <div className="field-row">
              <TextInputField
                {...field('postalCode')}
                width="short"
                autoComplete="off"
                inputMode="numeric"
                value={values.postalCode}
                onChange={(postalCode) => onChange({ postalCode })}
              />
              <TextInputField
                {...field('city')}
                width="medium"
                autoComplete="off"
                value={values.city}
                onChange={(city) => onChange({ city })}
              />
            </div>
          </>
        )}
        <LazyField label={t('field.municipalityCode')}>
          <ComboBoxField
            {...field('municipalityCode')}
            options={municipalities}
            value={values.municipalityCode}
            onChange={(municipalityCode) => onChange({ municipalityCode })}
          />
        </LazyField>
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section-title">{t('participantForm.education')}</legend>
        <LazyField label={t('field.educationLevelCode')}>
          <ComboBoxField
            {...field('educationLevelCode')}
            description={t('participantForm.educationLevelHint')}
            options={educationLevels}
            value={values.educationLevelCode}
            onChange={(educationLevelCode) => onChange({ educationLevelCode })}
          />
        </LazyField>
      </fieldset>
    </>
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

// SUN 2020 codes nest by length (3, 31, 310…): keep code order and indent by depth.
function useEducationLevelOptions(): ComboBoxOption[] {
  const { data } = useEducationLevels();
  return useMemo(() => {
    const items = [...(data?.items ?? [])];
    items.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return items.map((item) => ({
      value: item.code,
      label: `${item.code} ${item.name}`,
      depth: item.code.length - 1,
    }));
  }, [data]);
}
