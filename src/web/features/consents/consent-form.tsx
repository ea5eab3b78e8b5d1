import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInSweden } from '../../../core/dates.ts';
import {
  type ConsentMethod,
  type ConsentPurpose,
  consentMethods,
  consentPurposes,
} from '../../../core/enums.ts';
import type { LanguageCode } from '../../../core/languages.ts';
import { type ConsentInput, consentInput } from '../../../core/schemas/consent.schema.ts';
import { CheckboxGroupField, RadioGroupField } from '../../components/checkbox-fields.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useLanguageOptions } from '../../i18n/options.ts';
import { useRecordConsent } from './consents.queries.ts';

const formId = 'consent';
const knownFields = new Set(['purposes', 'givenOn', 'method', 'language']);

export function ConsentForm({
  participantId,
  onRecorded,
}: {
  participantId: string;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const record = useRecordConsent(participantId);
  const form = useFormFailure(locale);
  const languageOptions = useLanguageOptions();
  // Consent to participation is what enrolment needs, so it starts ticked; staff untick what was not signed.
  const [purposes, setPurposes] = useState<string[]>(['participation']);
  const [givenOn, setGivenOn] = useState(todayInSweden());
  const [method, setMethod] = useState<string>('paper');
  const [language, setLanguage] = useState<string>('sv');
  const idFor = (name: string) => fieldDomId(formId, name);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    const input: ConsentInput = {
      purposes: purposes as ConsentPurpose[],
      givenOn,
      method: method as ConsentMethod,
      language: language as LanguageCode,
    };
    const parsed = consentInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    record.mutate(input, {
      onSuccess: () => {
        form.clear();
        onRecorded();
      },
      onError: form.fromError,
    });
  }

  return (
    <section className="panel">
      <h2 id="consent-form-heading">{t('consents.formHeading')}</h2>
      <p>{t('consents.formLead')}</p>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) =>
          knownFields.has(field.split('.')[0] ?? '') ? idFor(field.split('.')[0] ?? '') : undefined
        }
      />
      <form className="form" onSubmit={submit} noValidate>
        <CheckboxGroupField
          id={idFor('purposes')}
          label={t('field.purposes')}
          error={form.errorFor('purposes')}
          value={purposes}
          onChange={setPurposes}
          options={consentPurposes.map((p) => ({ value: p, label: t(`consentPurpose.${p}`) }))}
          isRequired
        />
        <DateInputField
          id={idFor('givenOn')}
          label={t('field.givenOn')}
          error={form.errorFor('givenOn')}
          value={givenOn}
          onChange={setGivenOn}
          isRequired
        />
        <RadioGroupField
          id={idFor('method')}
          label={t('field.method')}
          error={form.errorFor('method')}
          value={method}
          onChange={setMethod}
          options={consentMethods.map((m) => ({ value: m, label: t(`consentMethod.${m}`) }))}
          isRequired
        />
        <SelectField
          id={idFor('language')}
          label={t('field.language')}
          description={t('consents.languageHint')}
          error={form.errorFor('language')}
          value={language}
          onChange={setLanguage}
          options={languageOptions}
          isRequired
        />
        <div className="form-actions">
          <SubmitButton isPending={record.isPending}>{t('consents.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
