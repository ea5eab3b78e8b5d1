import { useTranslation } from 'react-i18next';
import { employerOffers } from '../../../core/enums.ts';
import { CheckboxGroupField } from '../../components/checkbox-fields.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import type { EmployerFormValues } from './employer-form-values.ts';
import { useIndustryOptions, useMunicipalityOptions } from './reference-options.ts';

type EmployerFieldsProps = {
  values: EmployerFormValues;
  onChange: (patch: Partial<EmployerFormValues>) => void;
  /** The DOM id of a field, by its name in employerInput. */
  idFor: (name: string) => string;
  errorFor: (name: string) => string | undefined;
};

/** The fields of a new employer and of the edit form. */
export function EmployerFields({ values, onChange, idFor, errorFor }: EmployerFieldsProps) {
  const { t } = useTranslation();
  const municipalities = useMunicipalityOptions();
  const industries = useIndustryOptions(values.industryCode);
  const field = (name: keyof EmployerFormValues) => ({ id: idFor(name), error: errorFor(name) });
  return (
    <>
      <fieldset className="form-section">
        <legend className="form-section-title">{t('employers.aboutSection')}</legend>
        <TextInputField
          {...field('organisationNumber')}
          label={t('field.organisationNumber')}
          description={t('employers.organisationNumberHint')}
          value={values.organisationNumber}
          onChange={(organisationNumber) => onChange({ organisationNumber })}
          inputMode="numeric"
          width="medium"
          autoComplete="off"
          isRequired
        />
        <TextInputField
          {...field('name')}
          label={t('field.name')}
          value={values.name}
          onChange={(name) => onChange({ name })}
          autoComplete="organization"
          dir="auto"
          isRequired
        />
        <SelectField
          {...field('industryCode')}
          label={t('field.industryCode')}
          description={t('employers.industryHint')}
          value={values.industryCode}
          onChange={(industryCode) => onChange({ industryCode })}
          options={industries}
          placeholder={t('employers.noIndustry')}
        />
        <SelectField
          {...field('municipalityCode')}
          label={t('field.municipality')}
          value={values.municipalityCode}
          onChange={(municipalityCode) => onChange({ municipalityCode })}
          options={municipalities}
          placeholder={t('common.choose')}
        />
        <CheckboxGroupField
          {...field('offers')}
          label={t('field.offers')}
          description={t('employers.offersHint')}
          value={values.offers}
          onChange={(offers) => onChange({ offers: offers as EmployerFormValues['offers'] })}
          options={employerOffers.map((offer) => ({ value: offer, label: t(`employerOffer.${offer}`) }))}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend className="form-section-title">{t('employers.addressSection')}</legend>
        <TextInputField
          {...field('streetAddress')}
          label={t('field.streetAddress')}
          value={values.streetAddress}
          onChange={(streetAddress) => onChange({ streetAddress })}
          autoComplete="off"
        />
        <div className="field-row">
          <TextInputField
            {...field('postalCode')}
            label={t('field.postalCode')}
            value={values.postalCode}
            onChange={(postalCode) => onChange({ postalCode })}
            inputMode="numeric"
            width="short"
            autoComplete="off"
          />
          <TextInputField
            {...field('city')}
            label={t('field.city')}
            value={values.city}
            onChange={(city) => onChange({ city })}
            width="medium"
            autoComplete="off"
          />
        </div>
      </fieldset>
      <TextInputField
        {...field('notes')}
        label={t('field.notes')}
        value={values.notes}
        onChange={(notes) => onChange({ notes })}
        dir="auto"
        multiline
      />
    </>
  );
}
